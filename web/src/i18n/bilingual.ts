/**
 * Server texts that are not codes — task labels, notes, sources, reasons — come as "中文 (English)". This keeps the
 * half of the user's language: the Chinese in zh-CN, the English in English. A clause cited after it in full-width
 * parentheses ("…（中府〔2014〕106号 第九条）") stays with either half; a text without an English part is kept whole.
 */
export function localText(text: string, language: string): string {
  const split = splitBilingual(text.trim());
  if (!split) return text;
  return language.startsWith("en") ? split.en : split.zh;
}

function splitBilingual(text: string): { zh: string; en: string } | null {
  if (text.endsWith("）")) {
    const open = text.lastIndexOf("（");
    const inner = open > 0 ? splitBilingual(text.slice(0, open).trimEnd()) : null;
    if (!inner) return null;
    const clause = text.slice(open);
    return { zh: `${inner.zh}${clause}`, en: `${inner.en} ${clause}` };
  }
  if (!text.endsWith(")")) return null;
  let depth = 0;
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const char = text[index];
    if (char === ")") depth += 1;
    else if (char === "(") {
      depth -= 1;
      if (depth === 0) {
        const zh = text.slice(0, index).trimEnd();
        const en = text.slice(index + 1, -1).trim();
        // Chinese before, English inside (a Latin letter; a name or title in Chinese may appear in it): otherwise
        // the parenthesis is part of the text.
        if (!/[\u3400-\u9fff]/.test(zh) || !/[A-Za-z]/.test(en)) return null;
        return { zh, en };
      }
    }
  }
  return null;
}
