"""The HTML report's style sheet and script (see :mod:`.html`), kept apart from its Python."""

CSS = """
:root{--err:#c62828;--err-bg:#fde2e1;--warn:#b45309;--warn-bg:#fdecc8;--info:#1d4ed8;--info-bg:#dbe7fd;
--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--paper:#fff;--bg:#f4f6f8;--ev:#6d28d9}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}
header.top{padding:20px 28px 8px;display:flex;flex-wrap:wrap;align-items:baseline;gap:6px 18px}
h1{font-size:22px;margin:0}h1+.sub{margin:0;color:var(--muted)}
.totals{margin-left:auto;display:flex;gap:8px}
.total{display:inline-block;padding:1px 9px;border-radius:999px;font-size:13px;background:#eaeef2}
.total.sev-error{background:var(--err-bg);color:var(--err)}.total.sev-warning{background:var(--warn-bg);color:var(--warn)}
.total.sev-info{background:var(--info-bg);color:var(--info)}
nav.filters{position:sticky;top:0;z-index:5;background:rgba(244,246,248,.96);backdrop-filter:blur(4px);
padding:8px 28px;border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.flabel{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 2px 0 8px}
.flabel:first-child{margin-left:0}
.chip{display:inline-flex;align-items:center;gap:4px;font-size:13px;padding:2px 9px 2px 6px;border:1px solid var(--line);
border-radius:999px;background:#fff;cursor:pointer;user-select:none}
.chip .n{color:var(--muted);font-size:12px}
.chip.sev-error{border-color:#f3b4b0}.chip.sev-warning{border-color:#f1cf8a}.chip.sev-info{border-color:#b3c9f6}
nav button{font:inherit;font-size:12px;border:1px solid var(--line);background:#fff;border-radius:6px;padding:1px 8px;
cursor:pointer}
.shown{margin-left:auto;font-size:12px;color:var(--muted)}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:16px;padding:16px 28px}
.card-s,.article,.rules{background:var(--paper);border:1px solid var(--line);border-radius:10px}
.card-s{padding:12px 16px}
h2{font-size:16px;margin:0 0 8px}
table.chart{width:100%;border-collapse:collapse;font-size:13.5px}
.chart th{text-align:left;font-weight:600;color:var(--muted);font-size:12px;border-bottom:1px solid var(--line);padding:4px 6px}
.chart td{padding:4px 6px;border-bottom:1px solid #eef1f4;vertical-align:middle}
.chart .num{text-align:right;width:1%;white-space:nowrap;font-variant-numeric:tabular-nums}
.chart .cat{color:var(--muted)}.chart .file{overflow-wrap:anywhere}
.barcell{width:34%}
.bar{display:inline-block;height:10px;border-radius:3px;vertical-align:middle;min-width:2px}
.bar.sev-error{background:var(--err)}.bar.sev-warning{background:#e69a16}.bar.sev-info{background:#4f7fe8}
.stack{display:flex;width:100%}.stack .bar{border-radius:0;min-width:0}
.stack .bar:first-child{border-radius:3px 0 0 3px}
main{padding:0 28px 16px;display:flex;flex-direction:column;gap:16px}
.article{padding:14px 0 10px;overflow:hidden}
.article h2{padding:0 18px;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.article h2 .path{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:15px;margin-right:6px}
.note{margin:4px 18px;color:var(--muted);font-size:13px}
.whole{margin:6px 18px 10px;padding:8px 12px;background:#f8fafc;border:1px dashed var(--line);border-radius:8px}
.whole h3{margin:0 0 6px;font-size:13px;color:var(--muted);font-weight:600}
.text{font-size:15px;line-height:1.65;border-top:1px solid #eef1f4}
.ln{display:flex;padding:0 18px 0 0}
.ln .no{flex:0 0 46px;text-align:right;padding-right:12px;color:#9aa4ae;font:12px/2.05 ui-monospace,Menlo,Consolas,
monospace;user-select:none}
.ln .tx{white-space:pre-wrap;word-break:break-word;flex:1;min-height:1.65em}
.ln:target,.ln.flash{background:#fff8c5}
.ln.flagged .no{color:#57606a;font-weight:600}
mark.hl{background:transparent;color:inherit;border-radius:3px;padding:1px 0;cursor:pointer}
mark.hl.sev-error{background:var(--err-bg);box-shadow:inset 0 -2px 0 var(--err)}
mark.hl.sev-warning{background:var(--warn-bg);box-shadow:inset 0 -2px 0 #e69a16}
mark.hl.sev-info{background:var(--info-bg);box-shadow:inset 0 -2px 0 #4f7fe8}
mark.hl.off{background:transparent;box-shadow:none;cursor:auto}
.ev.on{text-decoration:underline dotted var(--ev) 2px;text-underline-offset:3px}
.ctl{font:12px ui-monospace,Menlo,monospace;color:#8250df;background:#f3e8ff;border-radius:3px;padding:0 2px}
.cards{margin:2px 18px 8px 58px;display:flex;flex-direction:column;gap:6px}
.finding{border:1px solid var(--line);border-left:4px solid #8c959f;border-radius:7px;padding:7px 12px;background:#fff;
font-size:14px}
.finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:#e69a16}
.finding.sev-info{border-left-color:#4f7fe8}
.finding.flash{box-shadow:0 0 0 3px #ffe58f}
.fh{font-size:12.5px;color:var(--muted)}
.fh .sev{font-weight:700;text-transform:uppercase;letter-spacing:.04em;font-size:11px}
.sev-error .fh .sev{color:var(--err)}.sev-warning .fh .sev{color:var(--warn)}.sev-info .fh .sev{color:var(--info)}
.fh .rid{font-family:ui-monospace,Menlo,Consolas,monospace;color:var(--ink)}
.fh .loc{margin-left:4px;font-family:ui-monospace,Menlo,Consolas,monospace}
.msg{margin:2px 0 4px}
ul.evidence{margin:0 0 4px;padding:0;list-style:none;font-size:13.5px}
.elabel{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:var(--ev);margin-right:4px}
q{color:var(--muted)}
details.explain summary,details.ruledoc summary{cursor:pointer;color:#0b57d0;font-size:13px}
details.explain .doc,details.ruledoc .doc{font-size:13.5px;border-top:1px solid #eef1f4;margin-top:6px;padding-top:4px}
.doc h4{margin:8px 0 2px;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.doc ul.ex-fire code,.doc ul.ex-pass code{font:inherit}
.doc p{margin:2px 0}.doc ul{margin:2px 0;padding-left:20px}.doc .rule-title{font-weight:600}
.doc ul.ex-fire li::marker{content:"✗ ";color:var(--err)}.doc ul.ex-pass li::marker{content:"✓ ";color:#1a7f37}
.rules{margin:0 28px 28px;padding:12px 18px}
.rules details{padding:4px 0;border-bottom:1px solid #eef1f4}
.empty{color:var(--muted)}
.hidden{display:none!important}
@media (max-width:700px){.summary{grid-template-columns:1fr}.cards{margin-left:18px}}
"""

JS = r"""
(function(){
  var RANK={error:3,warning:2,info:1};
  function qa(s,r){return Array.prototype.slice.call((r||document).querySelectorAll(s));}
  var cards={};qa('.finding').forEach(function(c){cards[c.id]=c;});
  function checked(cls){var s={};qa('input.'+cls).forEach(function(i){if(i.checked)s[i.value]=1;});return s;}
  function apply(){
    var rules=checked('f-rule'),sevs=checked('f-sev'),vis={},n=0,total=0;
    Object.keys(cards).forEach(function(id){var c=cards[id];total++;
      var on=!!(rules[c.getAttribute('data-rule')]&&sevs[c.getAttribute('data-sev')]);vis[id]=on;
      c.classList.toggle('hidden',!on);if(on)n++;});
    qa('mark.hl').forEach(function(m){var best='';
      m.getAttribute('data-f').split(' ').forEach(function(id){if(vis[id]){var s=cards[id].getAttribute('data-sev');
        if(!best||(RANK[s]||0)>(RANK[best]||0))best=s;}});
      m.className='hl '+(best?'sev-'+best:'off');});
    qa('.ev').forEach(function(e){e.classList.toggle('on',e.getAttribute('data-e').split(' ').some(function(id){return vis[id];}));});
    qa('.cards,.whole').forEach(function(g){g.classList.toggle('hidden',!qa('.finding',g).some(function(c){return vis[c.id];}));});
    var shown=document.getElementById('f-shown');if(shown)shown.textContent=n+' of '+total+' findings shown';
  }
  qa('input.f-rule,input.f-sev').forEach(function(i){i.addEventListener('change',apply);});
  function all(v){qa('input.f-rule,input.f-sev').forEach(function(i){i.checked=v;});apply();}
  var a=document.getElementById('f-all'),z=document.getElementById('f-none');
  if(a)a.addEventListener('click',function(){all(true);});if(z)z.addEventListener('click',function(){all(false);});
  qa('details.explain').forEach(function(d){d.addEventListener('toggle',function(){
    var box=d.querySelector('.doc');if(d.open&&!box.childNodes.length){
      var src=document.getElementById(d.getAttribute('data-doc'));
      if(src)box.innerHTML=src.querySelector('.doc').innerHTML;}});});
  qa('mark.hl').forEach(function(m){m.addEventListener('click',function(){
    var ids=m.getAttribute('data-f').split(' ').filter(function(id){return !cards[id].classList.contains('hidden');});
    if(!ids.length)return;var c=cards[ids[0]];c.scrollIntoView({block:'nearest',behavior:'smooth'});
    c.classList.add('flash');setTimeout(function(){c.classList.remove('flash');},1200);});});
  qa('.evidence a, a.loc').forEach(function(l){l.addEventListener('click',function(){
    var t=document.getElementById(l.getAttribute('href').slice(1));if(!t)return;
    t.classList.add('flash');setTimeout(function(){t.classList.remove('flash');},1500);});});
  apply();
})();
"""
