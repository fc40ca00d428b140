namespace ServerlessPlan.Tests.Unit.Sheets.Reading;

/// <summary>
/// Packages written part by part as scripts, LibreOffice, Google Sheets or Excel itself write them, not as ClosedXML
/// does: inline strings, rich text, cached formula values of every type, built-in formats, out-of-order sheets. Every
/// case here is one ClosedXML could read, so the streaming reader must agree with it; cases ClosedXML read wrongly or
/// not at all are in <see cref="StreamingReaderDeviationTests"/>.
/// </summary>
public static class HandWrittenCorpus
{
    /// <summary>Style index → numFmtId: 0 General, 1 "0%", 2 "0.00%", 3 custom "0.0%", 4 date, 5 date-time,
    /// 6 "h:mm", 7 duration "[h]:mm:ss" (46), 8 text "@", 9 the template's "0.##\" %\"", 10 custom "dd/mm/yyyy".</summary>
    public static readonly string Styles = HandWrittenWorkbook.StylesWith([0, 9, 10, 164, 14, 22, 20, 46, 49, 165, 166],
        (164, "0.0%"), (165, "0.##\" %\""), (166, "dd/mm/yyyy"));

    public static readonly IReadOnlyDictionary<string, Func<byte[]>> Cases = new Dictionary<string, Func<byte[]>>
    {
        ["inline strings everywhere (a script)"] = () => Book(Header() +
            Row(9, Inline("A9", "1.1.1.1"), Num("H9", "50", 9), Inline("I9", "En proceso"), Num("J9", "12"), Inline("K9", "  texto con espacios  "), Inline("L9", "https://x.example/1")) +
            Row(10, Inline("A10", "1.1.1.3"), Num("H10", "0.5", 1), Inline("I10", "Completada")) +
            Row(11, Inline("A11", "2.1.1.1"), Inline("H11", "75,5 %"), Inline("K11", "   "))),

        ["shared strings with rich-text runs, phonetic runs and preserved spaces (Excel)"] = () => Book(Header(),
            sst: ["<t>1.1.1.1</t>", "<r><t>En </t></r><r><rPr><b/></rPr><t>proceso</t></r>", "<r><t>Comple</t></r><r><t>tada</t></r><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh>",
                  "<t xml:space=\"preserve\">  dos espacios delante</t>", "<t>  </t>", "<t>salto_x000D_de línea</t>", "<r><t xml:space=\"preserve\">a </t></r><r><t xml:space=\"preserve\"> </t></r><r><t>b</t></r>"],
            data: Row(9, Sst("A9", 0), Sst("I9", 1), Sst("K9", 3), Sst("L9", 4)) + Row(10, Sst("A10", 0), Sst("I10", 2), Sst("K10", 5), Sst("L10", 6))),

        ["formula cached values of every type (Excel, LibreOffice)"] = () => Book(Header() +
            Row(9, Inline("A9", "1.1.1.1"), Formula("H9", "40+20", "61"), Formula("I9", "\"En proceso\"", "En proceso", "str"), Formula("J9", "1/0", "#DIV/0!", "e")) +
            Row(10, Inline("A10", "1.1.1.3"), Formula("H10", "TRUE()", "1", "b"), Formula("I10", "B1", null), Formula("K10", "\"\"", "", "str"), Formula("L10", "DATE(2021,9,30)", "44469", style: 4)) +
            Row(11, Inline("A11", "2.1.1.1"), Formula("H11", "G11", "0.255", style: 1), Formula("J11", "=1+1", "2"), Formula("K11", "A1:A2*2", "3", kind: "array"), Formula("L11", "B2", "0", "b"))),

        ["built-in and custom number formats: percent, date, time, duration, text"] = () => Book(Header() +
            Row(9, Inline("A9", "1.1.1.1"), Num("H9", "0.5", 1), Num("J9", "44469", 4), Num("K9", "44469.75", 5), Num("L9", "44469", 10)) +
            Row(10, Inline("A10", "1.1.1.3"), Num("H10", "0.255", 2), Num("J10", "0.5", 6), Num("K10", "1.25", 7)) +
            Row(11, Inline("A11", "2.1.1.1"), Num("H11", "0.755", 3), Num("J11", "12", 8), Num("K11", "-5", 4)) +
            Row(12, Inline("A12", "2.1.1.2"), Num("H12", "1.5E+1", 9), Num("J12", "1e400"), Num("K12", "3E-2", 0))),

        ["blank typed cells and booleans (cleared cells)"] = () => Book(Header() +
            Row(9, Inline("A9", "1.1.1.1"), "<c r=\"H9\" t=\"n\"/>", "<c r=\"I9\" t=\"s\"/>", "<c r=\"J9\" t=\"b\"/>", "<c r=\"K9\" t=\"inlineStr\"/>", "<c r=\"L9\" s=\"1\"/>") +
            Row(10, Inline("A10", "1.1.1.3"), "<c r=\"I10\" t=\"b\"><v>1</v></c>", "<c r=\"H10\" t=\"b\"><v>0</v></c>") +
            Row(11, "<c r=\"H11\" t=\"n\"><v></v></c>", "<c r=\"K11\" t=\"inlineStr\"><is><t></t></is></c>")),

        ["rows below the table, out of order and with gaps"] = () => Book(Header() +
            Row(12, Inline("A12", "2.1.1.2"), Num("H12", "5")) +
            Row(9, Inline("A9", "1.1.1.1"), Num("H9", "10")) +
            Row(40, Inline("K40", "nota al final")) +
            Row(30, Inline("C30", "sólo texto en una columna que no se lee")) +
            Row(11, Inline("A11", "2.1.1.1"), Inline("Z11", "fuera de la tabla"))),

        ["report sheet not first, English name, absolute targets, extra sheets"] = () =>
        {
            var book = new HandWrittenWorkbook { Styles = Styles };
            book.Add("Hoja1", Row(1, Inline("A1", "otra cosa")));
            book.AddMetadata("test-2020-2022", "BZ", "2022-Q1", "abc");
            book.Add("Report", Header("BZ", "2022-Q1") + Row(9, Inline("A9", "1.1.1.1"), Num("H9", "30")), target: "/xl/worksheets/sheet3.xml");
            book.Add("Informe", Row(9, Inline("A9", "9.9.9.9")));
            return book.Build();
        },

        ["1904 date system (old Mac Excel)"] = () =>
        {
            var book = new HandWrittenWorkbook { Styles = Styles, Date1904 = true };
            book.AddMetadata("test-2020-2022", "GT", "2021-Q3", "abc");
            book.Add("Informe", Header() + Row(9, Inline("A9", "1.1.1.1"), Num("H9", "43007", 4), Num("J9", "43007.5", 5), Num("K9", "12")));
            return book.Build();
        },

    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys) data.Add(name);
        return data;
    }

    // ---- Building blocks ---------------------------------------------------------------------------------------

    public static byte[] Book(string reportSheetData, List<string>? sst = null, string data = "")
    {
        var book = new HandWrittenWorkbook { Styles = Styles, SharedStrings = sst };
        book.AddMetadata("test-2020-2022", "GT", "2021-Q3", "abc");
        book.Add("Informe", reportSheetData + data);
        return book.Build();
    }

    public static string Header(string unit = "GT", string period = "2021-Q3") =>
        Row(2, Inline("C2", "test-2020-2022")) + Row(3, Inline("C3", unit)) + Row(4, Inline("C4", period)) +
        Row(5, Inline("C5", "Ana Pérez")) + Row(6, Inline("C6", "ana@example.org"));

    public static string Row(int number, params string[] cells) => $"<row r=\"{number}\">{string.Concat(cells)}</row>";

    public static string Inline(string at, string text) =>
        $"<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(text)}</t></is></c>";

    public static string Num(string at, string value, int style = 0) =>
        $"<c r=\"{at}\"{(style > 0 ? $" s=\"{style}\"" : "")}><v>{value}</v></c>";

    public static string Sst(string at, int index) => $"<c r=\"{at}\" t=\"s\"><v>{index}</v></c>";

    public static string Formula(string at, string formula, string? cached, string? type = null, int style = 0, string? kind = null) =>
        $"<c r=\"{at}\"{(type is null ? "" : $" t=\"{type}\"")}{(style > 0 ? $" s=\"{style}\"" : "")}>" +
        $"<f{(kind is null ? "" : $" t=\"{kind}\" ref=\"{at}\"")}>{System.Security.SecurityElement.Escape(formula)}</f>" +
        (cached is null ? "" : $"<v>{System.Security.SecurityElement.Escape(cached)}</v>") + "</c>";
}
