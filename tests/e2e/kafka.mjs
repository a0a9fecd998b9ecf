// An independent JavaScript port of Kafka's key partitioner (Utils.murmur2 and toPositive in
// clients/src/main/java/org/apache/kafka/common/utils/Utils.java), so the e2e tests check
// the app's choice of partition against Kafka's algorithm, not against itself.
export function murmur2(bytes) {
  const seed = 0x9747b28c, m = 0x5bd1e995, r = 24;
  const length = bytes.length;
  let h = (seed ^ length) | 0;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = (bytes[i4] & 0xff) + ((bytes[i4 + 1] & 0xff) << 8) + ((bytes[i4 + 2] & 0xff) << 16) + ((bytes[i4 + 3] & 0xff) << 24);
    k = Math.imul(k, m); k ^= k >>> r; k = Math.imul(k, m);
    h = Math.imul(h, m); h ^= k;
  }
  const rest = length % 4, base = length & ~3;
  if (rest === 3) h ^= (bytes[base + 2] & 0xff) << 16;
  if (rest >= 2) h ^= (bytes[base + 1] & 0xff) << 8;
  if (rest >= 1) { h ^= bytes[base] & 0xff; h = Math.imul(h, m); }
  h ^= h >>> 13; h = Math.imul(h, m); h ^= h >>> 15;
  return h | 0;
}

export function partitionForKey(key, numPartitions) {
  return (murmur2(new TextEncoder().encode(key)) & 0x7fffffff) % numPartitions;
}

// UtilsTest.testMurmur2 vectors, so this port is itself checked.
const vectors = [['21', -973932308], ['foobar', -790332482], ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829], ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971], ['abc', 479470107]];
for (const [s, want] of vectors) {
  const got = murmur2(new TextEncoder().encode(s));
  if (got !== want) throw new Error(`murmur2 port is wrong for ${s}: ${got} != ${want}`);
}
