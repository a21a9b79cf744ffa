/** Backslash escapes shared by the C-like languages, Python and Ruby (enough to read codes exactly). */
export function unescapeBackslashes(raw: string): string {
  let bs = raw.indexOf('\\');
  if (bs < 0) return raw;
  // copy the runs between escapes in slices: building char by char floods the GC on long strings
  const parts: string[] = [];
  let from = 0;
  while (bs >= 0 && bs + 1 < raw.length) {
    if (bs > from) parts.push(raw.slice(from, bs));
    let i = bs + 1;
    const next = raw[i];
    switch (next) {
      case 'n': parts.push('\n'); break;
      case 't': parts.push('\t'); break;
      case 'r': parts.push('\r'); break;
      case '0': parts.push('\0'); break;
      case 'b': parts.push('\b'); break;
      case 'f': parts.push('\f'); break;
      case 'v': parts.push('\v'); break;
      case '\n': break; // line continuation
      case 'x': {
        const hex = raw.slice(i + 1, i + 3);
        if (/^[0-9a-fA-F]{2}$/.test(hex)) {
          parts.push(String.fromCharCode(parseInt(hex, 16)));
          i += 2;
        } else parts.push(next);
        break;
      }
      case 'u': {
        // \uXXXX, and the braced forms of JS/Rust/Swift: \u{1F600}
        const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(raw.slice(i + 1, i + 9));
        const cp = braced ? parseInt(braced[1], 16) : -1;
        if (braced && cp <= 0x10ffff) {
          parts.push(String.fromCodePoint(cp));
          i += braced[0].length;
          break;
        }
        const hex = raw.slice(i + 1, i + 5);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          parts.push(String.fromCharCode(parseInt(hex, 16)));
          i += 4;
        } else parts.push(next);
        break;
      }
      default: parts.push(next);
    }
    from = i + 1;
    bs = raw.indexOf('\\', from);
  }
  if (from < raw.length) parts.push(raw.slice(from));
  return parts.join('');
}

/** PHP and Ruby single-quoted strings: only `\\` and `\'` are escapes. */
export function unescapeSingleQuoted(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw;
  return raw.replace(/\\([\\'])/g, '$1');
}
