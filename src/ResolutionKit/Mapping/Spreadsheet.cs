using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ResolutionKit.Mapping;

/// <summary>Writes sheets of rows as an .xlsx workbook: a bold frozen header with a filter, column widths, numbers as numbers.</summary>
internal static class Spreadsheet
{
    // Excel refuses cells longer than this.
    private const int MaxCell = 32_767;

    public static void Write(Stream stream, IReadOnlyList<MapWriter.Sheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) { Count = 3 });
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        var definedNames = new DefinedNames();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var columns = new Columns(sheet.Widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
            var views = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
            data.Append(Row(1, sheet.Header.Cast<object?>().ToList(), 1));
            var n = 2u;
            foreach (var r in sheet.Rows)
            {
                data.Append(Row(n++, r, 2));
            }

            var lastColumn = ColumnName(sheet.Header.Count - 1);
            var range = $"A1:{lastColumn}{Math.Max(1, n - 1)}";
            var worksheet = new Worksheet(views, columns, data);
            if (sheet.Rows.Count > 0)
            {
                worksheet.Append(new AutoFilter { Reference = range });
                definedNames.Append(new DefinedName($"'{sheet.Name}'!$A$1:${lastColumn}${n - 1}") { Name = "_xlnm._FilterDatabase", LocalSheetId = id - 1, Hidden = true });
            }

            part.Worksheet = worksheet;
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }

        if (definedNames.HasChildren)
        {
            workbookPart.Workbook.Append(definedNames);
        }

        workbookPart.Workbook.Save();
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = ColumnName(i) + index;
            var v = values[i];
            Cell cell = v switch
            {
                null => new Cell { CellReference = reference, StyleIndex = style },
                int or long or double => new Cell { CellReference = reference, CellValue = new CellValue(MapWriter.Cell(v)), DataType = CellValues.Number, StyleIndex = style },
                _ => new Cell(new InlineString(new Text(Clip(MapWriter.Cell(v))) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style },
            };
            row.Append(cell);
        }

        return row;
    }

    private static string Clip(string s)
    {
        // XML 1.0 cannot carry most control characters; a cell has a maximum length.
        var clean = new string(s.Where(c => c >= ' ' || c == '\t' || c == '\n' || c == '\r').ToArray());
        return clean.Length <= MaxCell ? clean : clean.Substring(0, MaxCell - 1) + "…";
    }

    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
