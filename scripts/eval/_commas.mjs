import { readFileSync, readdirSync } from 'node:fs';
import { DEVELOPMENT } from './text.mjs';
const G='test/fixtures/corpus-text-gold', C='/work/shared/corpus';
const held=process.argv[2]==='held';
const P={},N={}; const add=(m,k,keep)=>{m[k]??={keep:0,drop:0};m[k][keep?'keep':'drop']++;};
const rows=[];
for (const g of readdirSync(G).filter(f=>f.endsWith('.json'))) {
  if (DEVELOPMENT.has(g.replace('.json',''))===held) continue;
  const gold=JSON.parse(readFileSync(`${G}/${g}`)); const L=readFileSync(`${C}/${gold.source}`,'utf8').split('\n');
  for (const c of gold.commas){ if(c.doubt)continue; const l=L[c.line-1]; let at=-1; for(let k=0;k<c.nth;k++) at=l.indexOf('，',at+1);
    const b=l.slice(0,at).trim().split(/\s+/); const a=l.slice(at+1).trim().split(/\s+/);
    const pb=(b.at(-1)||'').toLowerCase().replace(/[^a-z'0-9-]/g,''); const na=(a[0]||'').toLowerCase().replace(/[^a-z'0-9-]/g,'');
    add(P,pb,c.keep); add(N,na,c.keep); rows.push([c.keep?'K':'D', b.slice(-4).join(' '),'|',a.slice(0,4).join(' ')].join(' '));
  }
}
const show=m=>Object.entries(m).sort((a,b)=>(b[1].keep+b[1].drop)-(a[1].keep+a[1].drop)).slice(0,45).map(([k,v])=>`${k}:${v.keep}/${v.drop}`).join('  ');
console.log('PREV keep/drop', show(P)); console.log('NEXT', show(N));
if(process.argv.includes('-v')) console.log(rows.filter(r=>r[0]==='D').join('\n'));
