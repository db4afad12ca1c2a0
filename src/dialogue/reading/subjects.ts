// Ties the people a message speaks of to members of the profile: "I" is the user, "my old partner"
// the spouse already listed (or a new one), "she" the person the question was about, "my parents"
// two people. A relative who has died or lives away is nobody of the household; "two kids" where
// two are listed are those two. When screening someone else, relatives are read from the client's side.
import type { Member, Profile } from "../../profile/mod.js";
import { HOUSEHOLD, type Relation, type Subject } from "../understand/mod.js";

export type Target = readonly number[] | "household";
type RelationSubject = Extract<Subject, { kind: "relation" }>;

export interface SubjectOptions {
  /** The member the question asked about; null for a household question. */
  readonly asked: number | null;
  /**
   * "adding": the household question, every relation named is a new member (but never a second
   * spouse); "opening": a relation named is added; "asking": a relation not yet listed is added
   * only when the message says something about them.
   */
  readonly mode: "adding" | "opening" | "asking";
  /** A caseworker or relative screening someone else: "I" is not the person screened. */
  readonly client: boolean;
  /** The client's relation to the typist (asking for my grandmother: grandparent), to read "my grandfather" as her spouse. */
  readonly clientRelation?: Relation;
}

export class Subjects {
  profile: Profile;
  added = 0;
  /** A relation named but not clearly one member: facts about it are not recorded. */
  unclear = false;
  private readonly memo = new Map<Subject, Target>();
  private readonly byWord = new Map<string, number[]>();
  private lastRelation: readonly number[] | undefined;
  /** The last relation named, even one not yet listed: "my wife, she has a certificate" is about that spouse. */
  private lastRelationSubject: Subject | undefined;

  constructor(profile: Profile, private readonly options: SubjectOptions) {
    this.profile = profile;
    this.listedBefore = profile.members.length;
  }

  /** The members a subject is about; with `create` false, a relation not yet listed gives no one (and is not added). */
  targets(subject: Subject, create = true): Target {
    if (subject.kind === "relation") this.lastRelationSubject = subject;
    const known = this.memo.get(subject);
    if (known) return known;
    if (!create && subject.kind === "relation" && this.wouldAdd(subject)) return [];
    // Who these are depends on people the message adds in order ("me 75, my wife 78, we both have..."): not fixed before.
    if (!create && (subject.kind === "couple" || (subject.kind === "relation" && subject.away))) return this.resolve(subject);
    const target = this.resolve(subject);
    this.memo.set(subject, target);
    return target;
  }

  /**
   * Screening someone else, "she lives with me": the typist is one of the client's household, related to
   * the client as the client phrase says (asking for my mother: her child). Added once, and only when the
   * relation is known and nobody of that relation is listed yet.
   */
  typistLivesHere(): void {
    const client = this.options.clientRelation;
    if (!this.options.client || !client || this.typistAdded) return;
    const relation = HOUSEHOLD.clientRelations[client]?.self as Relation | undefined;
    if (!relation || this.profile.members.some((m, i) => i > 0 && m.relation === relation)) return;
    this.typistAdded = true;
    this.profile = { ...this.profile, members: [...this.profile.members, { relation }] };
    this.added += 1;
  }

  private typistAdded = false;

  /** Whether naming this relation adds someone, when the message says nothing about them. */
  needsFacts(subject: Subject): boolean {
    return this.options.mode === "asking" && subject.kind === "relation" && this.wouldAdd(subject);
  }

  /** Whether a subject is the person the question asked about. */
  isAsked(subject: Subject): boolean {
    const target = this.targets(subject, false);
    if (target === "household") return this.options.asked === null || this.options.asked === 0;
    return this.options.asked === null ? target.includes(0) || subject.kind === "asked" : target.includes(this.options.asked);
  }

  private resolve(subject: Subject): Target {
    const asked = this.options.asked ?? 0;
    switch (subject.kind) {
      case "asked":
        return [asked];
      case "self":
        return this.options.client ? [] : [0];
      case "household":
        return "household";
      case "couple": {
        const spouse = this.profile.members.findIndex((m, i) => i > 0 && m.relation === "spouse");
        return spouse > 0 ? [0, spouse] : [0];
      }
      case "third":
        if (asked !== 0 || this.options.client) return [asked];
        if (this.lastRelationSubject) return this.targets(this.lastRelationSubject);
        return this.lastRelation ?? [asked];
      case "relation": {
        const members = subject.absent ? this.awayMembers(subject) : this.relationMembers(subject);
        this.lastRelation = members;
        return members;
      }
      case "member":
        return this.memberAt(subject.index);
    }
  }

  /** "the third person": that member, the ones before added first if the line runs ahead of the list. */
  private memberAt(index: number): number[] {
    if (index >= 30) return [];
    while (this.profile.members.length <= index) {
      this.profile = { ...this.profile, members: [...this.profile.members, { relation: "other" as Relation }] };
      this.added++;
    }
    return [index];
  }

  private relationMembers(subject: RelationSubject): number[] {
    const relation = this.relationToMember0(subject);
    if (!relation) return [];
    const again = this.byWord.get(subject.word);
    if (again && subject.count === 1 && again.length === 1) return again;
    const existing = this.profile.members
      .map((m, i) => ({ m, i }))
      .filter(({ m, i }) => i > 0 && m.relation === relation && (!subject.sex || !m.sex || m.sex === subject.sex))
      .map(({ i }) => i);
    let found: number[];
    if (relation === "spouse" && existing.length > 0) found = [existing[0]!];
    else if (this.options.mode === "adding" || existing.length === 0) found = this.add(relation, subject);
    else if (existing.length === subject.count) found = existing;
    else {
      this.unclear = true;
      found = [];
    }
    this.byWord.set(subject.word, found);
    return found;
  }

  /**
   * A relative said to be away ("my son works away") is nobody new of the household; but one the profile
   * already lists, or the message named as living here ("living with my son ... my son works outside"),
   * is that member still: the work is away, the home is here.
   */
  private awayMembers(subject: RelationSubject): number[] {
    if (!subject.away) return [];
    const again = this.byWord.get(subject.word);
    if (again && again.length === subject.count) return again;
    const relation = this.relationToMember0(subject);
    if (!relation) return [];
    const listed = this.profile.members
      .map((m, i) => ({ m, i }))
      .filter(({ m, i }) => i > 0 && i < this.listedBefore && m.relation === relation && (!subject.sex || !m.sex || m.sex === subject.sex))
      .map(({ i }) => i);
    return listed.length === subject.count ? listed : [];
  }

  /** How many members the profile listed before this message. */
  private readonly listedBefore: number;

  /**
   * The named person's relation to member 0. "his dad" about someone other than member 0 is not of
   * the household; "my grandfather" while screening the typist's grandmother is her spouse.
   */
  private relationToMember0(subject: RelationSubject): Relation | undefined {
    const thirdIsMember0 = (this.options.asked ?? 0) === 0 || this.options.client;
    if (subject.owner === "third") return thirdIsMember0 ? subject.relation : undefined;
    if (subject.owner === "user" && this.options.client) {
      const client = this.options.clientRelation;
      return client ? (HOUSEHOLD.clientRelations[client]?.[subject.relation] as Relation | undefined) : undefined;
    }
    return subject.relation;
  }

  private wouldAdd(subject: RelationSubject): boolean {
    const relation = this.relationToMember0(subject);
    if (!relation || subject.absent || this.byWord.has(subject.word)) return false;
    const existing = this.profile.members.filter((m, i) => i > 0 && m.relation === relation).length;
    return existing === 0 || (this.options.mode === "adding" && relation !== "spouse");
  }

  private add(relation: Relation, subject: RelationSubject): number[] {
    const room = Math.max(0, 30 - this.profile.members.length);
    const count = Math.min(subject.count, room);
    const sex = subject.sex;
    const fresh: Member[] = Array.from({ length: count }, () => ({ relation, ...(sex && { sex }) }));
    const first = this.profile.members.length;
    this.profile = { ...this.profile, members: [...this.profile.members, ...fresh] };
    this.added += count;
    return fresh.map((_, k) => first + k);
  }
}
