const a=new Map(require(process.argv[2])), b=new Map(require(process.argv[3]));
const qs=[...a.keys()]; const sa=[...a.values()].sort((x,y)=>x-y), sb=[...b.values()].sort((x,y)=>x-y);
const p=(s,q)=>s[Math.floor(q*s.length)].toFixed(1);
console.log('n', sa.length, 'p99', p(sa,.99), p(sb,.99), 'p95', p(sa,.95), p(sb,.95), 'p50', p(sa,.5), p(sb,.5), 'sum', sa.reduce((x,y)=>x+y).toFixed(0), sb.reduce((x,y)=>x+y).toFixed(0));
