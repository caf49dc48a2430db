/* doc.h - the document model that the extraction passes share.
 *
 * st_extract() (extract.c) runs the passes over one struct st_doc, in
 * this order; each adds to the model and reads only what earlier passes
 * filled:
 *
 *   scan.c         paragraphs, tokens (folded words, word classes,
 *                  quotation marks), cue verbs and phrases
 *   spans.c        pairs of marks -> spans; sentences
 *   mentions.c     runs of capitalised words -> people and their full
 *                  mentions; surnames, pronouns, "the minister" as
 *                  mentions still to resolve
 *   role.c         the role of each person from the first full mention
 *                  that gives one; who is confirmed a person
 *   coref.c        the person each surname, pronoun and nominal stands for
 *   statements.c   which spans are full sentences, and which are names,
 *                  titles, terms or headings (the second half of spans)
 *   attribution.c  the speaker and the attribution context of each span
 *                  (subject.c: the subject of a cue verb)
 *
 * The word lists come from pipeline/data/ through struct st_lexicon
 * (lexicon.c), loaded once per process.  No pass prints, exits or fails:
 * memory comes from st_xmalloc() and friends (util.h), which abort when
 * it runs out.  st_doc_init() and st_doc_finish() own everything in the
 * struct; a pass never frees what another one made. */
#ifndef STANCE_EXTRACT_DOC_H
#define STANCE_EXTRACT_DOC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/core.h"

enum { ST_T_WORD, ST_T_PUNCT, ST_T_MARK };
/* quotation mark families, and which way a mark faces */
enum { ST_F_STRAIGHT = 1, ST_F_CURLY, ST_F_LOW, ST_F_GUIL, ST_F_SGUIL,
       ST_F_TWO, ST_F_SINGLE, ST_F_NFAM };
enum { ST_M_OPEN = 1, ST_M_CLOSE, ST_M_AMBIG };

/* Word classes of a folded word (bits of st_tok.cls), from the lists of
 * pipeline/data/ named beside each. */
enum {
	ST_W_FUNC = 1,		/* function-words.txt */
	ST_W_DET = 2,		/* determiners.txt */
	ST_W_PREP = 4,		/* prepositions.txt: end an inverted group */
	ST_W_SKIP = 8,		/* gap-words.txt: between subject and verb */
	ST_W_ORG = 16,		/* org-nouns.txt */
	ST_W_ABBR = 32,		/* abbreviations.txt */
	ST_W_ROLE = 64,		/* roles.txt */
	ST_W_CUE = 128,		/* cues.txt, one word */
	ST_W_PHRASE = 256,	/* cues.txt, first word of a phrase */
	ST_W_HE = 512,		/* pronouns.txt, male */
	ST_W_SHE = 1024,	/* pronouns.txt, female */
	ST_W_PRON = 2048,	/* pronouns.txt, never a speaker alone */
	ST_W_PERSON = 4096,	/* person-nouns.txt: one person */
	ST_W_NOGROUP = 8192,	/* group-stop-words.txt: not in a group */
	ST_W_CONJ = 16384	/* conjunctions.txt: a new clause */
};

/* The small word sets of clause-words.txt. */
enum { ST_CW_RELATIVE = 1, ST_CW_OPINION, ST_CW_ROLE_JOIN, ST_CW_THAT };

/* What a word next to a quotation says about it (name-context.txt). */
enum { ST_NC_ALWAYS = 1, ST_NC_CAPITAL, ST_NC_NEVER };

/* The bits of a filter over a map's keys (struct st_lexicon). */
#define ST_KEY_BITS (1 << 16)

struct st_lexicon {
	struct st_map cues;		/* single-word cue forms */
	struct st_map phrases;		/* multi-word cues, value = words */
	struct st_map roles, role_classes;
	struct st_map nonames;		/* as written: never in a name */
	struct st_map female, male;	/* first names, as written */
	struct st_map classes;		/* folded word -> ST_W_* bits */
	struct st_map before, after;	/* name-context.txt: ST_NC_* */
	struct st_map clause;		/* clause-words.txt: ST_CW_* */
	struct st_map aliases;		/* person noun -> index in alias_of */
	struct st_map alias_of;		/* what a person noun is short for */
	/* filters over the keys of classes and nonames (st_key_bits_may()):
	 * most words of a text are in neither */
	unsigned char class_bits[ST_KEY_BITS / 8];
	unsigned char noname_bits[ST_KEY_BITS / 8];
};

/* The bit of a key filter for the word w[0..n), n > 0: from its length
 * and its first and last bytes. */
static inline unsigned st_key_bit(const char *w, size_t n)
{
	unsigned f = (unsigned char)w[0], l = (unsigned char)w[n - 1];

	return (f * 67u + l * 7919u + (unsigned)n * 1031u) & (ST_KEY_BITS - 1);
}

/* Could w[0..n) be a key of the map whose keys set bits?  0 means it is
 * not; 1 that a lookup must say (always for ""). */
static inline int st_key_bits_may(const unsigned char *bits, const char *w,
                                  size_t n)
{
	unsigned k;

	if (!n)
		return 1;
	k = st_key_bit(w, n);
	return (bits[k >> 3] >> (k & 7)) & 1;
}

/* The ST_W_* classes of the folded word w[0..n): 0 for none. */
static inline int st_classes_of(const struct st_lexicon *lx, const char *w,
                                size_t n)
{
	int *c;

	if (!st_key_bits_may(lx->class_bits, w, n))
		return 0;
	c = st_map_getn(&lx->classes, w, n);
	return c ? *c : 0;
}

/* Load every list; cannot fail (the lists are compiled in). */
void st_lexicon_init(struct st_lexicon *lx);
void st_lexicon_finish(struct st_lexicon *lx);

struct st_tok {
	uint32_t s, e;		/* byte range in the article */
	uint32_t fold;		/* folded word in st_doc.fold; 0 ("") if not
				 * a word */
	int para;		/* paragraph index */
	int q;			/* span this token is inside or marks, -1 */
	int sent;		/* sentence number, from 1 */
	int ment;		/* mention starting here, -1 */
	uint16_t cls;		/* ST_W_* classes of the folded word */
	uint8_t cue;		/* words of the cue starting here, or 0 */
	uint8_t type;		/* ST_T_* */
	uint8_t cap;		/* starts with an upper-case letter */
	uint8_t fam, dir;	/* marks: ST_F_*, ST_M_*; also a ‘ or ’
				 * that stands alone (ST_F_SINGLE), which
				 * stays ST_T_PUNCT: it may be an
				 * apostrophe */
};

struct st_para {
	size_t s, e;		/* text range without the line end */
	int t0, t1;		/* token range */
	long num;		/* 1-based paragraph number */
};

struct st_span {
	int open, close;	/* mark tokens; close -1: runs to paragraph end */
	size_t start, end;	/* inner byte range */
	int para;
	int open_end;		/* not closed in its paragraph */
	int cont;		/* continues the previous paragraph's quotation */
	int bare;		/* such a paragraph without an opening mark: open
				 * is its first token, a word */
	int drop;		/* not reported */
	int full;		/* a sentence or more, not words in one */
	int person;		/* speaker, or -1 */
	char *group;		/* group speaker, or NULL; owned */
	int inherited;		/* speaker from span inherited - 1, or 0 */
	int conf;		/* speaker confidence in tenths (ST_SC_*,
				 * attribution.c), 0 with no speaker */
	struct st_buf context;	/* attribution context; owned */
};

struct st_person {
	char *name;		/* owned; invisible characters left out */
	const char *surname;	/* points into name */
	char *role;		/* owned, or NULL */
	char *role_fold;	/* role folded, for matching; owned */
	int role_at;		/* token of the mention that gave the role */
	int female;		/* 1, 0, or -1 unknown */
	int confirmed_at;	/* token from which the person is confirmed
				 * (seen with a role or a cue verb: a person,
				 * not a place or a TV channel), or INT_MAX */
};

enum { ST_MK_FULL = 1, ST_MK_SURNAME, ST_MK_PRONOUN, ST_MK_NOMINAL };

/* How sure a speaker is, in tenths: the values of st_span.conf, from the
 * rule that gave the speaker (the table is in attribution.c). */
enum {
	ST_SC_NONE = 0,		/* no speaker */
	ST_SC_WEAK = 4,		/* a fallback: a guess at the subject */
	ST_SC_INHERITED = 5,	/* from the paragraph before */
	ST_SC_FAR = 6,		/* a pronoun far back, a nominal */
	ST_SC_NEAR = 8,		/* a pronoun near its person, a group */
	ST_SC_SURNAME = 9,	/* a surname */
	ST_SC_NAME = 10		/* a full name */
};

struct st_mention {
	int t0, t1;		/* token range */
	int r0;			/* full: first token of the run, titles
				 * included */
	int kind;		/* ST_MK_* */
	int female;		/* pronoun: 1 she, 0 he */
	int poss;		/* ends in a possessive 's */
	int person;		/* resolved person, or -1 */
	int conf;		/* how sure the resolution is, ST_SC_* */
};

/* Everything one article needs. */
struct st_doc {
	const struct st_lexicon *lx;
	const char *text;
	size_t len;
	struct st_tok *t;
	int nt, capt;
	struct st_buf fold;	/* folded words, each NUL-terminated */
	struct st_para *p;
	int np, capp;
	struct st_span *sp;
	int nsp, capsp;
	struct st_person *pe;
	int npe, cappe;
	struct st_map names;	/* person name -> index */
	struct st_mention *m;
	int nm, capm;
	int *sent0;		/* first token of each sentence (by number) */
	int nsent;
};

/* Set d up for text[0..len), which must be valid UTF-8 and outlive d;
 * st_doc_finish() frees all that the passes added. */
void st_doc_init(struct st_doc *d, const struct st_lexicon *lx,
                 const char *text, size_t len);
void st_doc_finish(struct st_doc *d);

/* ---- the passes, in order (see each file's opening comment) ---------- */

struct st_scanner;
/* The token pattern, compiled once: NULL with err filled on failure. */
struct st_scanner *st_scanner_new(struct st_error *err);
void st_scanner_free(struct st_scanner *sc);
void st_scan(struct st_doc *d, struct st_scanner *sc);
void st_spans_pair(struct st_doc *d);
void st_sentences(struct st_doc *d);
void st_mentions(struct st_doc *d);
void st_roles(struct st_doc *d);
void st_coref(struct st_doc *d);
void st_spans_judge(struct st_doc *d);
void st_attribute(struct st_doc *d);

/* Run every pass over text[0..len) into d (st_doc_finish() it after);
 * extract.c.  For the unit tests and for st_extract(). */
struct st_extractor;
void st_extract_doc(struct st_extractor *x, struct st_doc *d,
                    const char *text, size_t len);

/* ---- shared questions about tokens ----------------------------------- */

static inline const char *st_low(const struct st_doc *d, int i)
{
	return d->fold.s + d->t[i].fold;
}

static inline int st_is_word(const struct st_doc *d, int i, const char *w)
{
	return i >= 0 && i < d->nt && d->t[i].type == ST_T_WORD &&
	       strcmp(st_low(d, i), w) == 0;
}

/* Is token i a word of class cw (ST_CW_*) in clause-words.txt? */
int st_clause_word(const struct st_doc *d, int i, int cw);

static inline int st_has(const struct st_doc *d, int i, unsigned cls)
{
	return i >= 0 && i < d->nt && (d->t[i].cls & cls) != 0;
}

/* Is token i punctuation among chars (ASCII; "-" also takes the em and
 * en dashes)?  A run of one character ("...", "--") is one token. */
int st_is_punct(const struct st_doc *d, int i, const char *chars);

static inline int st_is_dash(const struct st_doc *d, int i)
{
	return st_is_punct(d, i, "-");
}

/* Words of the cue starting at token i outside quotes, or 0. */
static inline int st_cue_at(const struct st_doc *d, int i)
{
	if (i < 0 || i >= d->nt || d->t[i].q >= 0)
		return 0;
	return d->t[i].cue;
}

static inline int st_according_to(const struct st_doc *d, int i)
{
	return st_is_word(d, i, "according") && st_is_word(d, i + 1, "to");
}

static inline int st_mention_at(const struct st_doc *d, int i)
{
	return i >= 0 && i < d->nt ? d->t[i].ment : -1;
}

/* The person of the mention at token i, or -1. */
static inline int st_person_at(const struct st_doc *d, int i)
{
	int m = st_mention_at(d, i);
	return m >= 0 ? d->m[m].person : -1;
}

/* The confidence of the mention at token i (ST_SC_*), or ST_SC_NONE. */
static inline int st_conf_at(const struct st_doc *d, int i)
{
	int m = st_mention_at(d, i);
	return m >= 0 && d->m[m].person >= 0 ? d->m[m].conf : ST_SC_NONE;
}

static inline int st_sent_start(const struct st_doc *d, int i)
{
	return d->sent0[d->t[i].sent];
}

/* One past the last token of token i's sentence. */
static inline int st_sent_end(const struct st_doc *d, int i)
{
	int s = d->t[i].sent;
	return s + 1 <= d->nsent ? d->sent0[s + 1] : d->nt;
}

/* Tokens a..b inclusive as in the article; the caller frees it. */
char *st_text_of(const struct st_doc *d, int a, int b);

/* Does the text of span s end with . ? or ! (a sentence inside)? */
int st_ends_sentence_inside(const struct st_doc *d, const struct st_span *s);

/* Is token i a role word ("minister", "Secretary-General")? */
int st_role_word(const struct st_doc *d, int i);

/* Is token i a lower-case word that makes the capitalised words before
 * it the name of an organisation ("the Homeland Unity faction")? */
int st_org_noun(const struct st_doc *d, int i);

/* Is the name at tokens [a, b) the subject or object of a cue verb:
 * "said Ara X", "Ara X said", "Ara X also told"? */
int st_near_cue(const struct st_doc *d, int a, int b);

/* The person a pronoun (want_female 1 or 0, -1 for either) or a role
 * ("minister", folded) stands for: the latest mention before token i
 * that fits, as the article stands at token asof (INT_MAX: all of it).
 * Looks back over at most ST_COREF_WINDOW mentions.  -1 if none. */
#define ST_COREF_WINDOW 400
int st_resolve_back(const struct st_doc *d, int i, int want_female,
                    const char *role, int asof);

/* The name of tokens [a, b) as people are keyed: words joined by one
 * space, a possessive 's and invisible characters left out; out is reset
 * and NUL-terminated (mentions.c). */
void st_name_key(const struct st_doc *d, int a, int b, struct st_buf *out);

/* Add the person name[0..n), found in st_doc.names afterwards; returns
 * the index (mentions.c). */
int st_person_new(struct st_doc *d, const char *name, size_t n);

/* The subject of a cue verb (subject.c, for attribution.c). */
struct st_who {
	int person;		/* -1 if none */
	int g0, g1;		/* group noun phrase tokens [g0, g1), or g0 < 0 */
	int weak;		/* the group is not the verb's plain subject */
	int conf;		/* ST_SC_* of the person or group found */
};

/* Who is the subject of the cue at token v, looking no further than
 * [lo, hi)? */
struct st_who st_subject(const struct st_doc *d, int v, int lo, int hi);

/* Is w a speaker: a person, or a group that can speak (trimmed; a
 * nominal group is resolved to its person)? */
int st_found(const struct st_doc *d, struct st_who *w);

/* Fold s[0..n) for comparing without case (utf8proc's case folding,
 * default-ignorable characters such as U+00AD and U+200B left out) and
 * append it to out, without a NUL. */
void st_fold_add(struct st_buf *out, const char *s, size_t n);

/* Append s[0..n) without default-ignorable characters. */
void st_visible_add(struct st_buf *out, const char *s, size_t n);

#endif
