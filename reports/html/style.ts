// The evidence report's stylesheet: a plain document look for screen and print, no external fonts
// or assets. It is inlined and allowed by its hash in the Content-Security-Policy.

export const HTML_STYLE = `
:root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --soft: #f6f8fa; --accent: #1f3a5f;
  --inplace: #1a7f37; --notinplace: #b42318; --na: #57606a; --nottested: #9a6700; }
* { box-sizing: border-box; }
html { font-size: 14px; }
body { margin: 0; color: var(--ink); background: #e9ecef; font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; line-height: 1.45; }
main { max-width: 1060px; margin: 24px auto; background: #fff; padding: 40px 56px 56px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
h1, h2, h3, h4 { font-family: Georgia, "Times New Roman", "Liberation Serif", serif; color: var(--accent); line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0 0 4px; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin: 36px 0 12px; }
h3 { font-size: 1.1rem; margin: 28px 0 8px; }
h4 { font-size: 1rem; margin: 0; color: var(--ink); }
p { margin: 6px 0 10px; }
.subtitle { color: var(--muted); margin: 0 0 20px; font-size: 1.05rem; }
.doc-meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 16px; }
.doc-meta dt { color: var(--muted); }
.doc-meta dd { margin: 0; }
.notice { border-left: 4px solid var(--accent); background: var(--soft); padding: 8px 12px; color: var(--muted); font-size: .92rem; }
.verdict { display: flex; gap: 24px; align-items: center; border: 1px solid var(--rule); padding: 14px 18px; margin: 16px 0; }
.verdict .result { font-size: 1.3rem; font-weight: 700; }
.verdict .result.noncompliant { color: var(--notinplace); }
.verdict .result.compliant { color: var(--inplace); }
.verdict .result.undetermined { color: var(--nottested); }
table { width: 100%; border-collapse: collapse; margin: 8px 0 14px; font-size: .92rem; }
th, td { border: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
th { overflow-wrap: break-word; }
td { overflow-wrap: anywhere; min-width: 5em; }
.ref, .nowrap { white-space: nowrap; }
td.rule { overflow-wrap: normal; min-width: 9em; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: center; width: 9%; }
td.mark { text-align: center; font-weight: 700; }
code, .mono { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; font-size: .86em; }
.hash { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; font-size: .8em; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 3px; font-weight: 600; font-size: .85rem; border: 1px solid currentColor; white-space: nowrap; }
.f-in-place { color: var(--inplace); }
.f-not-in-place { color: var(--notinplace); }
.f-not-applicable { color: var(--na); }
.f-not-tested { color: var(--nottested); }
.s-FAIL, .s-ERROR { color: var(--notinplace); font-weight: 600; }
.s-PASS { color: var(--inplace); }
.s-UNKNOWN { color: var(--nottested); }
.s-WAIVED, .s-NOT_APPLICABLE { color: var(--na); }
.req { border: 1px solid var(--rule); margin: 14px 0; break-inside: avoid-page; }
.req-head { display: flex; justify-content: space-between; gap: 16px; background: var(--soft); padding: 8px 12px; border-bottom: 1px solid var(--rule); }
.req-head .text { color: var(--ink); font-weight: 400; }
.req-body { padding: 8px 12px 4px; }
.boxes { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 4px 0 8px; font-size: .9rem; }
.boxes .label { color: var(--muted); }
.box { white-space: nowrap; }
.box.on { font-weight: 700; }
.label-sm { color: var(--muted); font-size: .85rem; margin: 8px 0 2px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
ul.exempt { margin: 2px 0 10px; padding-left: 20px; font-size: .88rem; color: var(--muted); }
.chart { margin: 8px 0 16px; }
.missing { color: var(--muted); font-style: italic; }
.notice.emulator { border-left-color: var(--notinplace); color: var(--ink); background: #fff4f2; }
details.more { display: inline; }
details.more summary { display: inline; cursor: pointer; color: var(--accent); }
td.cfg { font-size: .88em; }
td.refs { font-size: .8em; min-width: 7em; overflow-wrap: normal; }
.reg-rule h4 { margin: 14px 0 2px; font-size: .95rem; }
p.reg { font-size: .8rem; margin: 2px 0 6px; line-height: 1.35; }
.toc { columns: 2; padding-left: 20px; }
footer { margin-top: 40px; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); padding-top: 8px; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  html { font-size: 10.5pt; }
  body { background: #fff; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h2 { break-after: avoid-page; }
  h2.new-page { break-before: page; }
  tr, .verdict { break-inside: avoid; }
  .req { break-inside: auto; }
  p.reg { font-size: 7.5pt; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;
