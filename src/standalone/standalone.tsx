import { createRoot } from "react-dom/client";
import { pickLocale } from "../taskpane/i18n";
import { Standalone } from "./StandalonePage";

const locale = pickLocale(
  window.location.search,
  navigator.language.startsWith("en") ? "en" : "zh-CN"
);
document.documentElement.lang = locale === "en" ? "en" : "zh-CN";
createRoot(document.getElementById("root")!).render(<Standalone locale={locale} />);
