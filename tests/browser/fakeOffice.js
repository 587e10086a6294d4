/* global window */
/*
 * A stand-in for office.js inside Excel, for the browser test only: served in place of Microsoft's office.js so the
 * BUILT pane and functions bundle run as in Excel (Office.onReady says Excel, Excel.run has a small workbook). Only what
 * the pane and the functions bundle call is here; properties are always present, so load() and sync() do nothing.
 * The workbook: Register!A1:E3 with an LKS row (PB.LKS(1-7-2023; 0,4; 38) = 1.596,56) and a nested formula in E2;
 * window.__pbFakeExcel.select("E2") moves the active cell and fires the selection event, as a click in Excel does.
 */
(function () {
  "use strict";
  var sheets = {
    Register: {
      A1: ["", "Datum"], B1: ["", "Loonwaarde"], C1: ["", "Uren"], D1: ["", "LKS"], E1: ["", "LKS (leeftijd uit PB.PARAM)"],
      A2: ["", 45108], B2: ["", 0.4], C2: ["", 38],
      D2: ["=PB.LKS(A2,B2,C2)", 1596.56, "=PB.LKS(A2;B2;C2)"],
      E2: ['=PB.LKS(A2,B2,C2,PB.PARAM("wml.volwassenleeftijd",A2))', 1596.56, '=PB.LKS(A2;B2;C2;PB.PARAM("wml.volwassenleeftijd";A2))'],
    },
  };
  var active = { sheet: "Register", address: "D2" };
  var handlers = [];
  var settings = {};

  function letters(c) {
    var s = "";
    for (c = c + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return s;
  }
  function cell(sheet, address) {
    var c = sheets[sheet][address] || ["", ""];
    return { formula: c[0] || c[1], local: c[2] || c[0] || c[1], value: c[1] };
  }
  function typeOf(v) {
    return v === "" ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
  }
  function noop() {}
  function range(sheet, address) {
    var c = cell(sheet, address);
    var r = {
      address: sheet + "!" + address,
      formulas: [[c.formula]],
      formulasLocal: [[c.local]],
      values: [[c.value]],
      valueTypes: [[typeOf(c.value)]],
      isNullObject: false,
      cellCount: 1,
      load: function () { return r; },
      select: noop,
      format: { font: {} },
      getSpillParentOrNullObject: function () { return c.formula && String(c.formula).charAt(0) === "=" ? r : { isNullObject: true, load: noop }; },
    };
    return r;
  }
  function block(sheet, row, column, rows, cols) {
    var values = [];
    var types = [];
    for (var i = 0; i < rows; i++) {
      var vr = [];
      var tr = [];
      for (var j = 0; j < cols; j++) {
        var v = cell(sheet, letters(column + j) + (row + i + 1)).value;
        vr.push(v);
        tr.push(typeOf(v));
      }
      values.push(vr);
      types.push(tr);
    }
    var b = { values: values, valueTypes: types, load: function () { return b; }, format: { font: {} } };
    return b;
  }
  function worksheet(name) {
    return {
      name: name,
      load: noop,
      getRange: function (a) { return range(name, a.replace(/\$/g, "")); },
      getRangeByIndexes: function (r, c, nr, nc) { return block(name, r, c, nr, nc); },
      getUsedRangeOrNullObject: function () { return { isNullObject: false, rowIndex: 0, columnIndex: 0, rowCount: 3, columnCount: 5, load: noop }; },
      activate: noop,
    };
  }
  function handler(fn) {
    handlers.push(fn);
    return { context: context, remove: function () { handlers.splice(handlers.indexOf(fn), 1); } };
  }
  var items = Object.keys(sheets).map(worksheet);
  var context = {
    sync: function () { return Promise.resolve(); },
    application: { calculate: noop },
    workbook: {
      name: "Proef.xlsx",
      load: noop,
      getActiveCell: function () { return range(active.sheet, active.address); },
      getSelectedRange: function () { return range(active.sheet, active.address); },
      onSelectionChanged: { add: handler },
      functions: { date: function () { return { value: 36526, load: noop }; } },
      settings: {
        getItemOrNullObject: function (k) { return { isNullObject: !(k in settings), value: settings[k], load: noop }; },
        add: function (k, v) { settings[k] = v; },
        onSettingsChanged: { add: function () { return { context: context, remove: noop }; } },
      },
      worksheets: {
        items: items,
        load: noop,
        onActivated: { add: handler },
        getItem: function (n) { return worksheet(n); },
        getItemOrNullObject: function (n) { var w = worksheet(n); w.isNullObject = !sheets[n]; return w; },
      },
    },
  };

  function ErrorClass(code, message) { this.code = code; this.message = message; }
  ErrorClass.prototype = Object.create(Error.prototype);
  window.CustomFunctions = {
    associate: noop,
    Error: ErrorClass,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };
  window.Excel = {
    run: function (a, b) { return Promise.resolve((typeof a === "function" ? a : b)(context)); },
  };
  var info = { host: "Excel", platform: "PC" };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC" },
    context: {
      host: "Excel",
      platform: "PC",
      displayLanguage: "nl-NL",
      officeTheme: { bodyBackgroundColor: "#ffffff" },
      requirements: { isSetSupported: function () { return true; } },
    },
    onReady: function (cb) {
      if (cb) setTimeout(function () { cb(info); }, 0);
      return Promise.resolve(info);
    },
  };
  window.__pbFakeExcel = {
    select: function (address) {
      active = { sheet: "Register", address: address };
      handlers.slice().forEach(function (h) { h({}); });
    },
    handlers: function () { return handlers.length; },
  };
})();
