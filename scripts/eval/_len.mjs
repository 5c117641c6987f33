import { readFileSync, readdirSync } from 'node:fs';
import { DEVELOPMENT } from './text.mjs';
const G='test/fixtures/corpus-text-gold', C='/work/shared/corpus';
for (const g of readdirSync(G).filter(f=>f.endsWith('.json'))) {
  const gold=JSON.parse(readFileSync(`${G}/${g}`)); const L=readFileSync(`${C}/${gold.source}`,'utf8').split('\n');
  const lens=L.filter(l=>/^ \S/.test(l)&&!/^ !\[/.test(l)).map(l=>l.trim().length).sort((a,b)=>a-b);
  const p90=lens[Math.floor(lens.length*0.9)], med=lens[Math.floor(lens.length/2)];
  const B={};
  for(const s of gold.stops){ if(s.doubt)continue; const l=L[s.line-1].trim(); const lastSeg=l.replace(/。$/,'').split(/[。？！]/).pop().trim();
    const r=l.length/p90; const k=r<0.6?'<.6':r<0.8?'<.8':r<0.95?'<.95':'>=.95'; const k2=lastSeg.split(/\s+/).length<=3?'seg<=3':'seg>3';
    B[k]??={e:0,d:0}; B[k][s.end?'e':'d']++; B[k2]??={e:0,d:0}; B[k2][s.end?'e':'d']++;}
  console.log(g.slice(7,35), DEVELOPMENT.has(g.replace('.json',''))?'dev':'held','p90',p90,'med',med, JSON.stringify(B));
}
