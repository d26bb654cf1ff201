/**
 * Topics (专题): reviewed data in content/topics.yaml — the bodies and
 * procedures the rules keep returning to — and the inverted index
 * topic → articles (with the paragraphs/items that use one of its terms)
 * across every regulation.
 *
 * Complexity. All terms of all topics go into one Aho-Corasick automaton,
 * so every text node is scanned once, whatever the number of topics or
 * terms: building the index is O(total text length + matches), plus
 * O(total term length) for the automaton. Nothing compares articles or
 * documents with each other. Related articles (./related.ts) are then
 * counted from the index with a per-topic cap, so each query costs
 * O(topics of the article × cap), independent of the corpus size.
 */
import { portalConfig } from '../config/index.ts';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCorpus } from '../corpus/index.ts';
import { displayPath, readYamlFile, YamlFileError, type YamlFile } from '../data/yaml-file.ts';
import { visit } from '../tree/walk.ts';
import type { Article, Clause, Regulation } from '../tree/types.ts';
import type { CorpusLike } from './xref-index.ts';

export interface Topic {
  /** ASCII, the URL: /topics/<id>/. */
  id: string;
  name: string;
  description: string;
  /** Matched literally in article text. */
  terms: string[];
}

export interface TopicMember {
  slug: string;
  /** `art-43`. */
  article: string;
  /** Innermost clauses (paragraphs, items) using a term of the topic, in document order. */
  clauses: string[];
  /** Position of the article in the whole corpus (regulation order, then article order). */
  ordinal: number;
}

export interface TopicIndex {
  topics: readonly Topic[];
  topic(id: string): Topic | undefined;
  /** Articles using the topic, in document order. */
  members(topicId: string): readonly TopicMember[];
  /** Members from one regulation only, in document order. */
  membersIn(topicId: string, slug: string): readonly TopicMember[];
  /** Topics of one article, in topics.yaml order. */
  topicsOfArticle(slug: string, articleId: string): Topic[];
  /** Clause ids of an article that use a topic's terms. */
  clausesOf(slug: string, articleId: string, topicId: string): readonly string[];
  /** The article node and its ordinal. */
  article(slug: string, articleId: string): { node: Article; ordinal: number } | undefined;
}

export class TopicsError extends Error {
  constructor(messages: string[]) {
    super(`专题数据有错误：\n${messages.join('\n')}`);
    this.name = 'TopicsError';
  }
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function topicsFile(root = process.cwd()): string {
  return process.env.TOPICS_FILE ? resolve(root, process.env.TOPICS_FILE) : portalConfig(root).topicsFile;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Read and check topics.yaml; every problem is reported as file:line:column. */
export function parseTopics(source: string, path = 'content/topics.yaml'): Topic[] {
  let yaml: YamlFile;
  try {
    yaml = readYamlFile(path, source);
  } catch (error) {
    if (error instanceof YamlFileError) throw new TopicsError(error.message.split('\n'));
    throw error;
  }
  const errors: string[] = [];
  // Problems point at the offending value; a missing one at the topic that lacks it.
  const at = (where: readonly PropertyKey[], message: string) => errors.push(`${yaml.at(where, 'value')}: ${message}`);
  const root = yaml.data;
  if (!Array.isArray(root)) throw new TopicsError([`${path}:1:1: 应为专题列表（- id: …）`]);
  const topics: Topic[] = [];
  const ids = new Set<string>();
  root.forEach((item: unknown, i) => {
    if (!isRecord(item)) {
      at([i], '每个专题应有 id、name、description、terms');
      return;
    }
    const str = (key: string): string | undefined => {
      const value = item[key];
      if (!isText(value)) {
        at([i, key], `缺少或不是文字：${key}`);
        return undefined;
      }
      return value.trim();
    };
    const id = str('id');
    const name = str('name');
    const description = str('description');
    const termsValue = item['terms'];
    const terms: string[] = [];
    if (!Array.isArray(termsValue) || termsValue.length === 0) at([i, 'terms'], 'terms 应为至少一个匹配词的列表');
    else {
      termsValue.forEach((t: unknown, j) => {
        if (!isText(t)) at([i, 'terms', j], '匹配词应为非空文字');
        else if (terms.includes(t.trim())) at([i, 'terms', j], `匹配词重复：${t}`);
        else terms.push(t.trim());
      });
    }
    if (id !== undefined && !ID.test(id)) at([i, 'id'], `id 只能用小写英文字母、数字和连字符（它是网址）：${id}`);
    if (id !== undefined && ids.has(id)) at([i, 'id'], `id 重复：${id}`);
    if (id !== undefined) ids.add(id);
    if (id && name && description && terms.length) topics.push({ id, name, description, terms });
  });
  if (errors.length) throw new TopicsError(errors);
  return topics;
}

let cachedTopics: Topic[] | undefined;

export function loadTopics(): Topic[] {
  if (!cachedTopics) {
    const file = topicsFile();
    // A content folder without topics.yaml (a library of texts alone) has no topics.
    cachedTopics = existsSync(file) ? parseTopics(readFileSync(file, 'utf8'), displayPath(file)) : [];
  }
  return cachedTopics;
}

/** A multi-pattern matcher: every (possibly overlapping) occurrence of every pattern, in one pass. */
export class AhoCorasick<T> {
  private readonly next: Map<string, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Values ending at a state, its own and those of its suffix states (linked via `outLink`). */
  private readonly out: T[][] = [[]];
  private readonly outLink: number[] = [-1];

  constructor(patterns: Iterable<[string, T]>) {
    for (const [pattern, value] of patterns) {
      if (!pattern) continue;
      let state = 0;
      for (const ch of pattern) {
        let to = this.next[state]!.get(ch);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.outLink.push(-1);
          this.next[state]!.set(ch, to);
        }
        state = to;
      }
      this.out[state]!.push(value);
    }
    // Breadth-first: failure links and output links.
    const queue: number[] = [...this.next[0]!.values()];
    for (let qi = 0; qi < queue.length; qi++) {
      const state = queue[qi]!;
      for (const [ch, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(ch)) f = this.fail[f]!;
        const target = this.next[f]!.get(ch);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        const fl = this.fail[to]!;
        this.outLink[to] = this.out[fl]!.length ? fl : this.outLink[fl]!;
        queue.push(to);
      }
    }
  }

  /** Calls `onMatch(value, endIndex)` for each occurrence; `endIndex` is exclusive, in UTF-16 units. */
  scan(text: string, onMatch: (value: T, end: number) => void): void {
    let state = 0;
    let i = 0;
    for (const ch of text) {
      i += ch.length;
      while (state !== 0 && !this.next[state]!.has(ch)) state = this.fail[state]!;
      state = this.next[state]!.get(ch) ?? 0;
      for (let s = state; s !== -1; s = this.outLink[s]!) {
        for (const v of this.out[s]!) onMatch(v, i);
        if (s === 0) break;
      }
    }
  }
}

const memo = new WeakMap<CorpusLike, Map<readonly Topic[], TopicIndex>>();

/** The topic index of the build's corpus (or of `corpus`, `topics`), built once. */
export function topicIndex(corpus: CorpusLike = getCorpus(), topics: readonly Topic[] = loadTopics()): TopicIndex {
  let byTopics = memo.get(corpus);
  if (!byTopics) memo.set(corpus, (byTopics = new Map()));
  let index = byTopics.get(topics);
  if (!index) byTopics.set(topics, (index = buildTopicIndex(corpus, topics)));
  return index;
}

export function buildTopicIndex(corpus: CorpusLike, topics: readonly Topic[]): TopicIndex {
  const matcher = new AhoCorasick<number>(topics.flatMap((t, i) => t.terms.map((term): [string, number] => [term, i])));
  const members: TopicMember[][] = topics.map(() => []);
  const membersBySlug: Map<string, TopicMember[]>[] = topics.map(() => new Map());
  /** `slug#art-43` → topic index → member. */
  const byArticle = new Map<string, Map<number, TopicMember>>();
  const articles = new Map<string, { node: Article; ordinal: number }>();
  let ordinal = 0;

  for (const { slug, tree } of corpus.regulations) {
    scanRegulation(tree, (article, clause, text) => {
      const key = `${slug}#${article.id}`;
      let info = articles.get(key);
      if (!info) articles.set(key, (info = { node: article, ordinal: ordinal++ }));
      const ord = info.ordinal;
      matcher.scan(text, (t) => {
        let perTopic = byArticle.get(key);
        if (!perTopic) byArticle.set(key, (perTopic = new Map()));
        let member = perTopic.get(t);
        if (!member) {
          member = { slug, article: article.id, clauses: [], ordinal: ord };
          perTopic.set(t, member);
          members[t]!.push(member);
          const bySlug = membersBySlug[t]!;
          const list = bySlug.get(slug);
          if (list) list.push(member);
          else bySlug.set(slug, [member]);
        }
        if (member.clauses.at(-1) !== clause.id) member.clauses.push(clause.id);
      });
    });
  }

  const idToIndex = new Map(topics.map((t, i) => [t.id, i]));
  return {
    topics,
    topic: (id) => {
      const i = idToIndex.get(id);
      return i === undefined ? undefined : topics[i];
    },
    members: (id) => {
      const i = idToIndex.get(id);
      return i === undefined ? [] : members[i]!;
    },
    membersIn: (id, slug) => {
      const i = idToIndex.get(id);
      return i === undefined ? [] : (membersBySlug[i]!.get(slug) ?? []);
    },
    topicsOfArticle: (slug, articleId) => {
      const perTopic = byArticle.get(`${slug}#${articleId}`);
      if (!perTopic) return [];
      return [...perTopic.keys()].sort((a, b) => a - b).map((i) => topics[i]!);
    },
    clausesOf: (slug, articleId, topicId) => {
      const i = idToIndex.get(topicId);
      if (i === undefined) return [];
      return byArticle.get(`${slug}#${articleId}`)?.get(i)?.clauses ?? [];
    },
    article: (slug, articleId) => articles.get(`${slug}#${articleId}`),
  };
}

/** Every text node inside an article, with its article and innermost clause. Linear in the tree. */
function scanRegulation(tree: Regulation, onText: (article: Article, clause: Clause, text: string) => void): void {
  let article: Article | undefined;
  visit(tree, (node, ancestors) => {
    if (node.type === 'article') {
      article = node;
      return;
    }
    if (node.type !== 'text' || !article || !ancestors.includes(article)) return;
    const owner = ancestors.findLast((a): a is Clause => 'id' in a);
    if (!owner) return;
    onText(article, owner, node.value);
  });
}
