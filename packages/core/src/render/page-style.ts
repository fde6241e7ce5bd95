/**
 * The stylesheet inlined into a standalone promise page. Inline because the page must open
 * offline, from a file or an e-mail, with no request to anyone; small because it is sent
 * with every page.
 */
export const PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --text: #1d1f21;
  --muted: #5b6168;
  --page: #fbfaf7;
  --card: #ffffff;
  --rule: #e3dfd6;
  --accent: #0a6b4b;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e8e6e1;
    --muted: #a9a59d;
    --page: #161615;
    --card: #1f1f1d;
    --rule: #35332f;
    --accent: #72d1a6;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0;
  background: var(--page);
  color: var(--text);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC",
    "Source Han Sans SC", sans-serif;
  font-size: 1.0625rem;
  line-height: 1.65;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
main { max-width: 42rem; margin: 0 auto; padding: 3.5rem 1.25rem 4rem; overflow-wrap: break-word; }
header { margin-bottom: 2.5rem; }
h1 { font-size: clamp(1.75rem, 1.2rem + 2.5vw, 2.1rem); line-height: 1.2; letter-spacing: -0.01em; margin: 0 0 1rem; text-wrap: balance; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 0.6rem; text-wrap: balance; }
h3 { font-size: 1.15rem; line-height: 1.35; margin: 0 0 0.5rem; }
p { margin: 0 0 0.9rem; }
.intro { font-size: 1.2rem; color: var(--muted); }
article, section { border-top: 1px solid var(--rule); padding-top: 1.75rem; margin-top: 1.75rem; }
section > article { border-top: 0; padding-top: 0; }
.facts {
  list-style: none;
  margin: 1.1rem 0 0;
  padding: 0.8rem 1.1rem;
  background: var(--card);
  border: 1px solid var(--rule);
  border-radius: 0.6rem;
}
.facts li { position: relative; padding-left: 1.4rem; }
.facts li + li { margin-top: 0.2rem; }
.facts li::before {
  content: "";
  position: absolute;
  left: 0.15rem;
  /* Centred on the first line whatever the line height (1lh); 0.55em where lh is unknown. */
  top: 0.55em;
  top: calc(0.5lh - 0.25rem);
  width: 0.5rem;
  height: 0.5rem;
  border-radius: 50%;
  background: var(--accent);
}
footer { margin-top: 3rem; padding-top: 1.25rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.9rem; }
/* Chinese fonts first for Chinese text, so Han characters take their Simplified Chinese forms
   rather than whichever CJK font the system falls back to (often the Japanese one). */
main:lang(zh) {
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
    "Noto Sans SC", "Source Han Sans SC", system-ui, sans-serif;
  line-height: 1.8;
}
main:lang(zh) h1, main:lang(zh) h2, main:lang(zh) h3 { letter-spacing: 0.02em; }
`;
