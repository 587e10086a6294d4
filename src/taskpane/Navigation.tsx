/**
 * The pane's navigation at the widths Excel gives it (270 px on Mac, 320 px on Windows, 350 px on the web): a tab list
 * whose tabs that do not fit move into a "Meer" menu, the open one always kept visible. More views fit without a
 * redesign: a seventh tab lands in the menu at 270 px. The menu button sits beside the tab list, not in it, so the
 * tablist holds only tabs (ARIA).
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";

export interface NavItem<T extends string> {
  id: T;
  label: string;
}

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", minWidth: 0, overflow: "hidden", paddingLeft: "4px", paddingRight: "4px" },
  tabs: { flexShrink: 1, minWidth: 0 },
  more: { flexShrink: 0, minWidth: "auto" },
});

function HiddenItem<T extends string>({ item, onSelect }: { item: NavItem<T>; onSelect(id: T): void }) {
  const visible = useIsOverflowItemVisible(item.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(item.id)}>{item.label}</MenuItem>;
}

function MoreMenu<T extends string>({ items, onSelect }: { items: readonly NavItem<T>[]; onSelect(id: T): void }) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" size="small" className={styles.more} aria-label={`Meer onderdelen (${overflowCount})`}>
          Meer
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {items.map((i) => (
            <HiddenItem key={i.id} item={i} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function Navigation<T extends string>({ items, selected, onSelect }: { items: readonly NavItem<T>[]; selected: T; onSelect(id: T): void }) {
  const styles = useStyles();
  return (
    <nav aria-label="Onderdelen">
      <Overflow minimumVisible={2} padding={8}>
        <div className={styles.row}>
          <TabList className={styles.tabs} selectedValue={selected} onTabSelect={(_, d) => onSelect(d.value as T)} size="small">
            {items.map((p) => (
              // The open view has the higher priority: it is the last to move into the menu.
              <OverflowItem key={p.id} id={p.id} priority={p.id === selected ? 2 : 1}>
                <Tab value={p.id} id={`tab-${p.id}`} aria-controls={p.id === selected ? `panel-${p.id}` : undefined}>
                  {p.label}
                </Tab>
              </OverflowItem>
            ))}
          </TabList>
          <MoreMenu items={items} onSelect={onSelect} />
        </div>
      </Overflow>
    </nav>
  );
}
