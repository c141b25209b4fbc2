import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { csvParser, dataFileRecords, parseCsv, parseCsvRecords, toCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted delimiters, doubled quotes and a newline inside quotes", () => {
    const parsed = parseCsv('name,note\r\n"王, 五","他说""好"""\r\n李四,"第一行\n第二行"\r\n');
    expect(parsed).toEqual({
      ok: true,
      value: [
        ["name", "note"],
        ["王, 五", '他说"好"'],
        ["李四", "第一行\n第二行"],
      ],
    });
  });

  it("drops a byte-order mark and empty rows, accepts mixed line ends and short rows", () => {
    expect(parseCsv("\uFEFFa,b\n\n1,2\r\n,,\r3\n")).toEqual({ ok: true, value: [["a", "b"], ["1", "2"], ["3"]] });
  });

  it("refuses an unclosed quote, naming the field and the line", () => {
    const parsed = parseCsv('a,b\n1,"2\n3,4\n', "csv");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ code: "invalid_csv", field: "csv" });
    expect(parsed.error.message).toMatch(/^csv: CSV 格式有误 第 \d+ 行 \(line \d+\) \(malformed CSV: Quote Not Closed/);
  });

  it("keys rows by the header, missing cells as empty text", () => {
    expect(parseCsvRecords("code,name,note\nshiqi,石岐区\n")).toEqual({
      ok: true,
      value: [{ code: "shiqi", name: "石岐区", note: "" }],
    });
    expect(() => dataFileRecords('a\n"b', "broken.csv")).toThrow(/^broken\.csv: CSV 格式有误/);
  });
});

describe("csvParser (streaming)", () => {
  it("yields one record per row, a quoted newline kept inside its cell, across chunk boundaries", async () => {
    const input = new PassThrough();
    const records: string[][] = [];
    const done = (async () => {
      for await (const record of input.pipe(csvParser()) as AsyncIterable<string[]>) records.push(record);
    })();
    for (const chunk of ["id,no", 'te\n1,"a\r', '\nb"\n2,', "c\n"]) input.write(chunk);
    input.end();
    await done;
    expect(records).toEqual([
      ["id", "note"],
      ["1", "a\r\nb"],
      ["2", "c"],
    ]);
  });

  it("reports a malformed record to onInvalidRecord instead of failing", async () => {
    const invalid: [number, string][] = [];
    const input = new PassThrough();
    const records: string[][] = [];
    const done = (async () => {
      for await (const record of input.pipe(
        csvParser({ onInvalidRecord: (line, reason) => invalid.push([line, reason]) }),
      ) as AsyncIterable<string[]>)
        records.push(record);
    })();
    input.end('a,b\n1,2\n3,"4');
    await done;
    expect(records).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(invalid).toHaveLength(1);
    expect(invalid[0][0]).toBe(3);
    expect(invalid[0][1]).toMatch(/Quote Not Closed/);
  });
});

describe("toCsv", () => {
  it("quotes what needs quoting, ends lines with CRLF and escapes formulas in text cells", () => {
    const text = toCsv([
      ["户名", "金额"],
      ['=HYPERLINK("http://evil")', "-350.50"],
      ["王, 五", 12],
      ["第一行\n第二行", null],
      ["@cmd", "+86"],
    ]);
    expect(text).toBe(
      '户名,金额\r\n"\'=HYPERLINK(""http://evil"")",-350.50\r\n"王, 五",12\r\n"第一行\n第二行",\r\n\'@cmd,+86\r\n',
    );
    expect(parseCsv(text)).toEqual({
      ok: true,
      value: [
        ["户名", "金额"],
        ['\'=HYPERLINK("http://evil")', "-350.50"],
        ["王, 五", "12"],
        ["第一行\n第二行", ""],
        ["'@cmd", "+86"],
      ],
    });
  });

  it("starts with a byte-order mark when asked (Excel then reads UTF-8)", () => {
    expect(toCsv([["a"]], { bom: true })).toBe("\uFEFFa\r\n");
  });
});
