import { idCheckChar, maskId, normalizeIdNumber, upgradeId15 } from "../../src/core/rules/idNumber";
import { codes, ctx } from "./helpers";

describe("ID number (GB 11643)", () => {
  it("accepts DOMAIN.md's worked examples", () => {
    const a = normalizeIdNumber("11010519491231002X", ctx);
    expect(a.value).toBe("11010519491231002X");
    expect(a.issues).toEqual([]);
    expect(a.info).toEqual({
      id: "11010519491231002X",
      birth: { y: 1949, m: 12, d: 31 },
      gender: "女",
    });
    const b = normalizeIdNumber("440524188001010014", ctx);
    expect(b.issues).toEqual([]);
    expect(b.info?.birth).toEqual({ y: 1880, m: 1, d: 1 });
    expect(b.info?.gender).toBe("男");
  });

  it("computes the check character", () => {
    expect(idCheckChar("11010519491231002")).toBe("X");
    expect(idCheckChar("44052418800101001")).toBe("4");
  });

  it("upgrades a 15-digit number: 370725881105149 → 37072519881105149X", () => {
    expect(upgradeId15("370725881105149")).toBe("37072519881105149X");
    const r = normalizeIdNumber("370725881105149", ctx);
    expect(r.value).toBe("37072519881105149X");
    expect(r.rule).toBe("id-15-to-18");
    expect(r.info?.gender).toBe("男");
  });

  it("upgrades a 15-digit number stored as a number (no precision is lost at 15 digits)", () => {
    expect(normalizeIdNumber(370725881105149, ctx).value).toBe("37072519881105149X");
  });

  it("cleans full-width digits, a lower-case x and inner spaces", () => {
    expect(normalizeIdNumber("１１０１０５１９４９１２３１００２ｘ", ctx).value).toBe(
      "11010519491231002X"
    );
    expect(normalizeIdNumber("110105 19491231 002x", ctx).value).toBe("11010519491231002X");
    expect(normalizeIdNumber(" 110105\u300019491231002X ", ctx).value).toBe("11010519491231002X");
    expect(normalizeIdNumber('="11010519491231002X"', ctx).value).toBe("11010519491231002X");
  });

  it("reports a wrong check digit and suggests the right one", () => {
    const r = normalizeIdNumber("110105194912310021", ctx);
    expect(codes(r)).toEqual(["id-checksum"]);
    expect(r.issues[0]).toEqual({
      code: "id-checksum",
      params: { value: "110105194912310021", expected: "X" },
    });
    expect(r.info).toBeNull();
    expect(r.key).toBe("110105194912310021");
  });

  it("never repairs a number that lost precision in Excel", () => {
    const lost = 110105194912310000;
    const r = normalizeIdNumber(lost, ctx);
    expect(codes(r)).toEqual(["id-precision-lost"]);
    expect(r.value).toBe(lost);
    expect(r.info).toBeNull();
  });

  it("needs a real birth date inside", () => {
    expect(codes(normalizeIdNumber("110105194902300011", ctx))).toEqual(["id-birth-date"]);
    expect(codes(normalizeIdNumber("370725881305149", ctx))).toEqual(["id-birth-date"]);
    // born after the day the data is judged on
    expect(codes(normalizeIdNumber("110105203001010012", ctx))).toEqual(["id-birth-date"]);
  });

  it("reports malformed numbers and keeps them", () => {
    for (const v of ["1101051949", "11010519491231002Y", "不详", "X10105194912310021"]) {
      const r = normalizeIdNumber(v, ctx);
      expect(codes(r)).toEqual(["id-format"]);
    }
    expect(normalizeIdNumber("不详", ctx).value).toBe("不详");
    expect(codes(normalizeIdNumber(true, ctx))).toEqual(["id-format"]);
  });

  it("warns of an empty ID and of an unknown area", () => {
    expect(codes(normalizeIdNumber(null, ctx))).toEqual(["id-missing"]);
    expect(codes(normalizeIdNumber("   ", ctx))).toEqual(["id-missing"]);
    const first17 = "70010519491231002";
    expect(codes(normalizeIdNumber(first17 + idCheckChar(first17), ctx))).toEqual(["id-area"]);
  });

  const withCheck = (first17: string) => first17 + idCheckChar(first17);

  it("checks the area code against every edition of GB/T 2260: a retired county is fine", () => {
    // 110103 崇文区 and 310103 卢湾区 are gone since 2010 and 2011; people born there keep them.
    expect(normalizeIdNumber(withCheck("11010319500101001"), ctx).issues).toEqual([]);
    expect(normalizeIdNumber(withCheck("31010319500101002"), ctx).issues).toEqual([]);
    // Province 11 exists, county 110199 never did: a warning, and the number still says who.
    const r = normalizeIdNumber(withCheck("11019919800101003"), ctx);
    expect(r.issues).toEqual([{ code: "id-area", params: { value: r.value, area: "110199" } }]);
    expect(r.info).toMatchObject({ gender: "男", birth: { y: 1980, m: 1, d: 1 } });
  });

  it("takes the residence permits of Hong Kong, Macao and Taiwan residents as valid", () => {
    for (const area of ["810000", "820000", "830000"]) {
      const r = normalizeIdNumber(withCheck(`${area}19900101002`), ctx);
      expect(r.issues).toEqual([]);
      expect(r.info).toMatchObject({ birth: { y: 1990, m: 1, d: 1 }, gender: "女" });
    }
  });

  it("names a foreign permanent resident ID (starting with 9) as such, not as invalid", () => {
    const id = withCheck("91184019800101001");
    const r = normalizeIdNumber(id, ctx);
    expect(codes(r)).toEqual(["id-foreign-permanent"]);
    expect(r.value).toBe(id);
    expect(r.info).toMatchObject({ birth: { y: 1980, m: 1, d: 1 }, gender: "男" });
    // Its check digit is GB 11643's: a wrong one is still reported.
    const wrong = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
    expect(codes(normalizeIdNumber(wrong, ctx))).toEqual(["id-checksum"]);
  });

  it("masks for wider eyes", () => {
    expect(maskId("11010519491231123X")).toBe("110105********123X");
  });
});
