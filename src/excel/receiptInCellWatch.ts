/** Functions bundle: "Bonnetje in de cel" follows the workbook's setting (receiptInCell.ts). */
import { watchReceiptInCell } from "./receiptInCell";

watchReceiptInCell();
