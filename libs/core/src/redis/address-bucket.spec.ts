import { addressBucket } from './address-bucket';

describe('addressBucket (the client a per-address limit counts)', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['2001:db8:77:12::1', '2001:db8:77:12::/64'],
    ['2001:0DB8:0077:0012:ffff::9', '2001:db8:77:12::/64'],
    ['2001:db8:77:12:1:2:3:4', '2001:db8:77:12::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['2001:db8::', '2001:db8:0:0::/64'],
    ['64:ff9b::1.2.3.4', '64:ff9b:0:0::/64'],
    ['1:2:3::1.2.3.4', '1:2:3:0::/64'],
    ['not an address', 'not an address'],
  ])('%s -> %s', (ip, bucket) => {
    expect(addressBucket(ip)).toBe(bucket);
  });
});
