import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";
import { readCsvFile, readSegmentFile } from "./foreign-events.js";

const RETAIL = join(ROOT, "packs/retail/promises.yaml");
const file = (name: string, text: string) => {
  const path = join(tempDb(), "..", name);
  writeFileSync(path, text);
  return path;
};
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const CSV = `id,type,time,customer,data
o1,order.placed,2026-11-01T10:00:00Z,c-1,"{""order"":""o-1"",""currency"":""EUR"",""items"":[{""sku"":""ebook-1"",""kind"":""digital"",""price"":""9.99""}],""payments"":[{""method"":""card"",""amount"":""9.99""}]}"
o2,order.placed,2026-11-01T11:00:00Z,c-2,"{not json}"
o3,order.delivered,2026-11-02T11:00:00Z,c-1,"{""order"":""o-1""}"
o4,order.delivered,"2026-11-02T12:00:00Z,c-1
`;

const SEGMENT = `{"type":"identify","messageId":"m1","userId":"c-1","timestamp":"2026-11-01T09:00:00Z","traits":{"name":"Ann"}}
{"batch":[{"type":"track","event":"Order Completed","messageId":"m2","userId":"c-1","timestamp":"2026-11-01T10:00:00Z","properties":{"order_id":"o-9","currency":"EUR","total":9.99,"products":[{"sku":"ebook-1","price":9.99,"quantity":1}]}},{"type":"track","event":"Order Completed","messageId":"m3","timestamp":"2026-11-01T10:00:00Z"}]}
not json
`;

describe("event files in CSV and Segment form", () => {
  it("CSV: a header the contract cannot read is said once, at line 1, in every language", async () => {
    for (const header of ["id,type,time,custmer,data", "foo;bar", "id,type,data"]) {
      const items = await collect(readCsvFile(file("h.csv", `${header}\n1,2,3,4,5\n6,7,8,9,10\n`)));
      expect(items, header).toEqual([
        {
          file: expect.any(String),
          line: 1,
          issues: [
            expect.objectContaining({ code: "event.csv_header", params: { columns: header } }),
          ],
        },
      ]);
    }
    const run = await cli([
      "ingest",
      file("h.csv", "id,type,time,custmer\n"),
      ...["--format", "csv", "-p", RETAIL, "--db", tempDb(), "--lang", "zh-CN"],
    ]);
    expect(run.code).toBe(3);
    expect(run.err.at(-1)).toMatch(
      /h\.csv:1: 表头须列出 id、type 和 time 列.*id,type,time,custmer$/,
    );
    // A header in another order, with the optional columns left out, is fine.
    const reordered = await collect(
      readCsvFile(file("ok.csv", "time,type,id\n2026-11-01T10:00:00Z,x.y,e1\n")),
    );
    expect(reordered.map((i) => "event" in i)).toEqual([true]);
  });

  it("CSV: keeps every valid record and names the line of each bad one", async () => {
    const items = await collect(readCsvFile(file("events.csv", CSV)));
    const events = items.filter((i) => "event" in i).map((i) => ("event" in i ? i.event.id : ""));
    expect(events).toEqual(["o1", "o3"]);
    const rejected = items.filter((i) => "issues" in i);
    expect(rejected.map((r) => [r.line, r.issues[0]?.code, r.issues[0]?.path])).toEqual([
      [3, "event.invalid_json", ["data"]],
      [5, "event.invalid_csv", []],
    ]);
  });

  it("Segment: maps calls and batches as the API does, locating issues in a batch", async () => {
    const items = await collect(readSegmentFile(file("segment.jsonl", SEGMENT)));
    const events = items.flatMap((i) => ("event" in i ? [[i.line, i.event.type]] : []));
    expect(events).toEqual([
      [1, "customer.updated"],
      [2, "order.placed"],
    ]);
    const rejected = items.flatMap((i) => ("issues" in i ? [[i.line, i.issues[0]?.path]] : []));
    expect(rejected).toEqual([
      [2, ["batch", 1, "customer"]],
      [3, []],
    ]);
  });

  it("reports bad records in file order, and where a Segment line's JSON breaks", async () => {
    const csv = `id,type,time,customer,data
e1,customer.updated,2026-01-01T00:00:00Z,c1,"{""name"":""A""}"
e2,customer.updated,2026-01-01T00:00:00Z,c1,"{""name"":}"
e3,nope
e4,customer.updated,2026-01-01T00:00:00Z,c1,"{}",extra
e5,customer.updated,2026-01-01T00:00:00Z,c1,{}
`;
    const items = await collect(readCsvFile(file("order.csv", csv)));
    expect(items.map((i) => i.line)).toEqual([2, 3, 4, 5, 6]);
    const segment = await collect(readSegmentFile(file("s.jsonl", '{"type": "track",}\n')));
    expect(segment.flatMap((i) => ("issues" in i ? i.issues : []))).toMatchObject([
      { code: "event.invalid_json", line: 1, column: 18 },
    ]);
  });

  it("goodfaith ingest --format takes them, reports the bad ones and exits 3", async () => {
    const db = tempDb();
    const run = await cli([
      "ingest",
      file("e.csv", CSV),
      "--format",
      "csv",
      "-p",
      RETAIL,
      "--db",
      db,
      "--json",
    ]);
    expect(run.code).toBe(3);
    const summary = JSON.parse(run.out.at(-1) ?? "{}");
    expect(summary).toMatchObject({ accepted: 2 });
  });
});
