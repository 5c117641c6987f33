// design aid: the case-blind branch on the development files, every line start capitalised
import { readFileSync, readdirSync } from 'node:fs';
import { sentenceContinues } from '../../dist/normalize/sentence-ends.js';
import { nameOracle, DEVELOPMENT } from './text.mjs';
const G='test/fixtures/corpus-text-gold', C='/work/shared/corpus';
const isName=nameOracle(readdirSync(C).filter(f=>f.endsWith('.md')&&f!=='SOURCES.md').map(f=>readFileSync(`${C}/${f}`,'utf8')));
const held=process.argv[2]==='held';
let n=0,ok=0,tp=0,fp=0,fn=0; const R={};
for (const g of readdirSync(G).filter(f=>f.endsWith('.json'))) {
  if (DEVELOPMENT.has(g.replace('.json',''))===held) continue;
  const gold=JSON.parse(readFileSync(`${G}/${g}`)); const L=readFileSync(`${C}/${gold.source}`,'utf8').split('\n');
  for (const s of gold.stops){ if(s.doubt)continue;
    let j=s.line; while(j<L.length && !(/^ \S/.test(L[j]) && !/^ !\[/.test(L[j]))) j++;
    const nl=(L[j]||'').trim(); const after=nl.split(/(?<=[，。？！])\s*/)[0].replace(/[，。？！]/g,m=>({'，':',','。':'.','？':'?','！':'!'})[m]).split(/\s+/).slice(0,6);
    if(!/^\p{Ll}/u.test(after[0]) || true) after[0]=after[0].replace(/^\p{Ll}/u,c=>c.toUpperCase());
    const before=L[s.line-1].trim().replace(/。$/,'').split(/[。？！]/).pop().trim().replace(/，/g,',').split(/\s+/);
    const drop=sentenceContinues({before,after,caseInformative:false,isName});
    if(drop){R[drop]??=[0,0];R[drop][s.end?1:0]++;}
    n++; if(!!drop===!s.end) ok++; else if(process.argv.includes('-v')) console.log(s.end?'END ':'DROP', drop, before.slice(-5).join(' '),'|',after.join(' '));
    if(drop&&!s.end)tp++; else if(drop)fp++; else if(!s.end)fn++;
  }
}
console.log(R);console.log({n,acc:ok/n,prec:tp/(tp+fp),rec:tp/(tp+fn)});
