import { readFileSync, readdirSync } from 'node:fs';
import nlp from 'compromise';
const G='test/fixtures/corpus-text-gold', C='/work/shared/corpus';
const DEV=['gilectomy','saturday','trainers'];
const byNext={}, byLastTag={}, byNextTag={};
const add=(m,k,e)=>{m[k]??={end:0,drop:0};m[k][e?'end':'drop']++;};
for (const g of readdirSync(G).filter(f=>f.endsWith('.json'))) {
  if(!DEV.some(d=>g.includes(d)) === (process.argv[2]!=='held')) continue;
  const gold=JSON.parse(readFileSync(`${G}/${g}`)); const L=readFileSync(`${C}/${gold.source}`,'utf8').split('\n');
  for (const s of gold.stops){ if(s.doubt)continue;
    let j=s.line; while(j<L.length && !(/^ \S/.test(L[j]) && !/^ !\[/.test(L[j]))) j++;
    const nextLine=(L[j]||'').trim(); const nx=nextLine.split(/\s+/)[0]||'';
    const line=L[s.line-1].trim().replace(/。$/,'');
    const frag=line.split(/[。？！]/).pop().trim();
    const lastTag=nlp(frag).terms().json().at(-1)?.terms?.[0]?.tags?.filter(t=>!['Term'].includes(t))??[];
    const nextTags=nlp(nextLine.split(/[。？！，]/)[0]).terms().json()[0]?.terms?.[0]?.tags??[];
    add(byNext, nx.toLowerCase().replace(/[^a-z']/g,''), s.end);
    add(byLastTag, ['Preposition','Determiner','Conjunction','Adverb','Noun','Verb','Adjective','Pronoun'].find(t=>lastTag.includes(t))||'?', s.end);
    add(byNextTag, ['Preposition','Determiner','Conjunction','Adverb','Pronoun','Noun','Verb','Adjective'].find(t=>nextTags.includes(t))||'?', s.end);
  }
}
const show=m=>Object.entries(m).sort((a,b)=>(b[1].end+b[1].drop)-(a[1].end+a[1].drop)).slice(0,40).map(([k,v])=>`${k}:${v.end}/${v.drop}`).join('  ');
console.log('NEXT word end/drop', show(byNext)); console.log('LAST tag', show(byLastTag)); console.log('NEXT tag', show(byNextTag));
