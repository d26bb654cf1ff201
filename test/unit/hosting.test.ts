import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkNginx, headersFor, matchLocation, parseNginx } from '../../scripts/check-hosting.ts';
import { cacheControl, CACHE } from '../../scripts/hosting-headers.ts';

const CONF = readFileSync('deploy/nginx.conf', 'utf8');
const server = parseNginx(CONF).blocks.find((b) => b.name === 'server')!;

describe('deploy/nginx.conf', () => {
  it('sends the security, charset and cache headers of scripts/hosting-headers.ts for every kind of file', () => {
    expect(checkNginx(CONF)).toEqual([]);
  });

  it('caches hashed assets for a year and pages, downloads and the index entry not at all', () => {
    expect(headersFor(server, '/_astro/x.BpPbRj6V.css').get('cache-control')).toBe(CACHE.immutable);
    expect(headersFor(server, '/search-index/t/Qx3k_9aZ0bC1dE2f.bin').get('cache-control')).toBe(CACHE.immutable);
    expect(headersFor(server, '/search-index/entry.json').get('cache-control')).toBe(CACHE.revalidate);
    expect(headersFor(server, '/regulations/x/').get('cache-control')).toBe(CACHE.revalidate);
    expect(headersFor(server, '/regulations/x.txt').get('x-content-type-options')).toBe('nosniff');
  });

  it('is caught when a location forgets a header (nginx drops the inherited ones)', () => {
    const broken = CONF.replace(/(location \/_astro\/ \{\n)\s+add_header Content-Security-Policy[^\n]+\n/, '$1');
    expect(broken).not.toBe(CONF);
    const problems = checkNginx(broken);
    expect(problems).toContainEqual(expect.stringContaining('/_astro/Layout.Daz3Fs21.css gets Content-Security-Policy: (none)'));
    expect(problems.every((p) => p.includes(' /_astro/'))).toBe(true);
  });

  it('is caught without the charset for the .txt download', () => {
    expect(checkNginx(CONF.replace('charset_types text/plain ', 'charset_types '))).toEqual([expect.stringContaining('lacks text/plain')]);
  });
});

describe('nginx location matching', () => {
  const s = parseNginx('server { location / { } location /a/ { } location ^~ /a/b/ { } location ~ "\\.x$" { } location = /e { } }').blocks[0]!;
  const pick = (path: string) => matchLocation(s, path)?.args.join(' ');

  it('prefers exact, then ^~ prefixes, then regexes, then the longest prefix', () => {
    expect(pick('/e')).toBe('= /e');
    expect(pick('/a/b/c.x')).toBe('^~ /a/b/');
    expect(pick('/a/c.x')).toBe('~ \\.x$');
    expect(pick('/a/c')).toBe('/a/');
    expect(pick('/z')).toBe('/');
  });
});

describe('cacheControl', () => {
  it('treats only the hashed index folder as immutable', () => {
    expect(cacheControl('/search-index/0123456789abcdef/dir.bin')).toBe(CACHE.immutable);
    expect(cacheControl('/search-index/entry.json')).toBe(CACHE.revalidate);
  });
});
