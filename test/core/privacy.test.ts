import { maskDeep, maskSensitiveText, maskSensitiveValue } from "../../src/core/privacy";

describe("masking personal data", () => {
  it("masks ID numbers and phones inside any text", () => {
    expect(maskSensitiveText("公民身份号码“11010519491231123X”校验位不对")).toBe(
      "公民身份号码“110105********123X”校验位不对"
    );
    expect(maskSensitiveText("手机 13812345678，座机 0755-12345678")).toBe(
      "手机 138****5678，座机 0755-****5678"
    );
    expect(maskSensitiveText("旧号 370725881105149")).toBe("旧号 370725*****5149");
    expect(maskSensitiveText("11010519491231002x")).toBe("110105********002X");
  });
  it("leaves other numbers alone", () => {
    expect(maskSensitiveText("第 12 行，共 2026 人，20260101")).toBe(
      "第 12 行，共 2026 人，20260101"
    );
  });
  it("masks numbers that hold an ID, and whole structures", () => {
    expect(maskSensitiveValue(110105194912310000)).toBe("110105********0000");
    expect(maskSensitiveValue(3)).toBe(3);
    expect(maskDeep({ a: ["13812345678", { b: "11010519491231002X" }], n: 5 })).toEqual({
      a: ["138****5678", { b: "110105********002X" }],
      n: 5,
    });
  });
});
