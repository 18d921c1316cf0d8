"""The app's stylesheet: quiet cards, marked matches, badges for verdicts and reuse kinds."""

CSS = """
.block-container { padding-top: 2.2rem; max-width: 1400px; }
.kb-brand { font-size: 1.6rem; font-weight: 700; color: #1f3b57; line-height: 1.1; }
.kb-brand span { display: block; font-size: .8rem; font-weight: 400; color: #6b7785; }
.kb-card { font-size: .95rem; line-height: 1.5; }
.kb-title { font-weight: 600; color: #1f3b57; font-size: 1.02rem; margin-bottom: .2rem; }
.kb-rank { display: inline-block; min-width: 1.5rem; height: 1.5rem; line-height: 1.5rem;
  margin-right: .45rem; border-radius: .75rem; background: #e8eef5; color: #1f3b57;
  text-align: center; font-size: .8rem; }
.kb-meta { color: #5b6673; font-size: .84rem; margin-bottom: .45rem; }
.kb-chip { display: inline-block; padding: 0 .5rem; margin-right: .35rem; border-radius: .6rem;
  background: #eef2f6; color: #33475b; font-size: .78rem; }
.kb-chip-type { background: #f3eefa; color: #4b3b6b; }
.kb-chip-restricted { background: #fdecea; color: #8a1c1c; }
.kb-snippet, .kb-passage { color: #222; white-space: pre-wrap; }
.kb-passage { font-size: .92rem; line-height: 1.55; }
mark { background: #ffe58a; padding: 0 .1em; border-radius: 2px; color: inherit; }
.kb-quote { border-left: 3px solid #c9a227; margin: .3rem 0; padding: .2rem .8rem;
  color: #333; background: #fcfaf2; white-space: pre-wrap; }
.kb-cite { color: #5b6673; font-size: .85rem; }
.kb-page-scroll { max-height: 78vh; overflow: auto; border: 1px solid #e2e6ea;
  border-radius: .4rem; background: #f6f7f9; }
.kb-page-image { display: block; max-width: none; margin: 0 auto; }
a.kb-cite-link { color: #1f6feb; font-weight: 600; text-decoration: none; font-size: .85em;
  vertical-align: super; cursor: pointer; }
a.kb-cite-link:hover { text-decoration: underline; }
.kb-viewer-title { font-weight: 600; color: #1f3b57; margin-bottom: .3rem; }
.kb-answer { font-size: 1.08rem; line-height: 1.6; padding: .2rem 0 .4rem; }
.kb-answer sup { color: #1f6feb; font-weight: 600; }
.kb-badge { display: inline-block; padding: .25rem .9rem; border-radius: 1rem; font-weight: 700;
  font-size: .95rem; letter-spacing: .02em; }
.kb-supported { background: #dff3e4; color: #17692f; border: 1px solid #9fd5ae; }
.kb-contradicted { background: #fbe2e1; color: #9b1c1c; border: 1px solid #f0a8a5; }
.kb-not_found { background: #eceff3; color: #46505c; border: 1px solid #c8ced6; }
.kb-figures { width: 100%; border-collapse: collapse; font-size: .9rem; margin: .3rem 0; }
.kb-figures th { text-align: left; color: #5b6673; font-weight: 600; padding: .2rem .4rem;
  border-bottom: 1px solid #e2e6ea; width: 50%; }
.kb-figures td { vertical-align: top; padding: .25rem .4rem; }
.kb-figure { display: inline-block; padding: .05rem .45rem; margin: .1rem .2rem .1rem 0;
  border-radius: .4rem; background: #eef2f6; font-weight: 600; }
.kb-figure small { font-weight: 400; color: #5b6673; }
.kb-para { border-left: 5px solid #ccc; padding: .4rem .8rem; margin: .2rem 0;
  background: #fafbfc; white-space: pre-wrap; line-height: 1.5; }
.kb-kind-verbatim { border-color: #d64545; }
.kb-kind-edited { border-color: #e39b1b; }
.kb-kind-paraphrase { border-color: #3b82c4; }
.kb-kind-new { border-color: #3a9a5b; }
.kb-kind { display: inline-block; padding: 0 .55rem; border-radius: .6rem; font-size: .78rem;
  font-weight: 600; color: #fff; margin-right: .4rem; }
.kb-kind.verbatim { background: #d64545; } .kb-kind.edited { background: #e39b1b; }
.kb-kind.paraphrase { background: #3b82c4; } .kb-kind.new { background: #3a9a5b; }
.kb-diff ins { background: #d8f3dc; text-decoration: none; color: #14532d; }
.kb-diff del { background: #fde2e2; color: #8a1c1c; }
.kb-stale { display: inline-block; padding: 0 .45rem; border-radius: .4rem; background: #fff1c2;
  color: #7a5300; font-size: .82rem; margin: .15rem .3rem 0 0; }
"""
