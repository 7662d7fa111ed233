"""The people-facet metric of the people-dev evaluation data, implemented exactly.

Used by `scripts/eval-people`; `python3 -m unittest scripts/test_people_metric.py` (or
`scripts/eval-people --self-test`) checks it on small hand-made cases.

Definitions (people-dev README, "The metric"):
1. a name is normalised by removing accents, folding case, deleting apostrophes, keeping a
   hyphen only between two letters or digits, and turning every other non-alphanumeric
   character into a space; its tokens are the space-separated pieces;
2. two names are related when one's tokens are a contiguous run of the other's (or equal);
3. a document's distinct normalised gold strings group into entities by relatedness,
   transitively, except that a string inside two or more longer, mutually unrelated gold
   strings is ambiguous and takes no part;
4. facet metric: a predicted name is credited to an entity when it equals one of the
   entity's fullest strings, or, when the entity is only ever written as one token, when it
   is two tokens ending in that token whose first is not a title word; a maximum matching
   of predicted names to entities gives the credited pairs; micro-averaged P, R, F1;
5. lenient diagnostic: a predicted name is correct when related to any gold string; an
   entity is found when some predicted name is related to one of its strings.
"""

import collections
import unicodedata
from dataclasses import dataclass

APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"

# Words that make a two-token name a title plus a surname rather than a full name.
TITLE_WORDS = frozenset(
    """
    mr mrs ms miss mister dr doctor prof professor sir dame lord lady madam rev reverend
    president vice premier minister chancellor secretary senator sen rep representative
    governor gov mayor judge justice king queen prince princess pope emperor general gen
    admiral adm colonel col major maj captain capt lieutenant lt sergeant sgt commander
    coach manager chairman chairwoman chief director ambassador envoy leader spokesman
    spokeswoman father brother sister saint st count baron duke sheikh ayatollah cardinal
    bishop archbishop rabbi imam officer inspector detective agent chair deputy former
    late acting u s
    """.split()
)


def normalize(name):
    """The normalised token list of a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    text = "".join(c for c in text if c not in APOSTROPHES)
    out = []
    for i, c in enumerate(text):
        if c.isalnum():
            out.append(c)
        elif c == "-" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            out.append(c)
        else:
            out.append(" ")
    return tuple("".join(out).split())


def related(a, b):
    """Whether one token sequence is a contiguous run of the other (or equal)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def gold_strings(doc):
    """A document's distinct normalised gold strings, byline mention left out."""
    mentions = doc.get("person_mentions") or []
    if mentions:
        byline = doc.get("byline")
        kept = [m for m in mentions if not (byline and m[0] == byline[0] and m[1] == byline[1])]
        names = [m[2] for m in kept]
    else:
        names = doc.get("persons") or []
    seen = []
    for name in names:
        tokens = normalize(name)
        if tokens and tokens not in seen:
            seen.append(tokens)
    return seen


def entities(strings):
    """Groups gold strings into entities (lists of token tuples), ambiguous strings left out."""
    usable = [s for s in strings if not is_ambiguous(s, strings)]
    parent = list(range(len(usable)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(usable):
        for j in range(i + 1, len(usable)):
            if related(a, usable[j]):
                parent[find(i)] = find(j)
    groups = {}
    for i, s in enumerate(usable):
        groups.setdefault(find(i), []).append(s)
    return list(groups.values())


def is_ambiguous(s, strings):
    """A string inside two or more longer gold strings that are not related to each other."""
    longer = [t for t in strings if len(t) > len(s) and related(s, t)]
    return any(not related(a, b) for i, a in enumerate(longer) for b in longer[i + 1 :])


def credits(name, entity):
    """Whether a predicted (normalised) name is credited to a gold entity under the facet rule."""
    most = max(len(s) for s in entity)
    fullest = [s for s in entity if len(s) == most]
    if name in fullest:
        return True
    return most == 1 and len(name) == 2 and (name[1],) in fullest and name[0] not in TITLE_WORDS


def max_matching(edges, n_left):
    """Size of a maximum bipartite matching; edges[i] lists the right nodes of left node i."""
    match_right = {}

    def augment(i, seen):
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in match_right or augment(match_right[j], seen):
                match_right[j] = i
                return True
        return False

    return sum(1 for i in range(n_left) if augment(i, set()))


def predicted_names(names):
    """A document's predicted names, normalised and de-duplicated (empty names dropped)."""
    out = []
    for name in names:
        tokens = normalize(name)
        if tokens and tokens not in out:
            out.append(tokens)
    return out


@dataclass
class Counts:
    """Summed counts for one metric over many documents."""

    credited: int = 0
    predicted: int = 0
    gold: int = 0
    correct_predicted: int = 0

    def add(self, other):
        self.credited += other.credited
        self.predicted += other.predicted
        self.gold += other.gold
        self.correct_predicted += other.correct_predicted

    def precision(self):
        return self.correct_predicted / self.predicted if self.predicted else 0.0

    def recall(self):
        return self.credited / self.gold if self.gold else 0.0

    def f1(self):
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0


def facet_counts(doc, names):
    """Facet-metric counts for one document (correct_predicted = credited pairs)."""
    ents = entities(gold_strings(doc))
    preds = predicted_names(names)
    edges = [[j for j, e in enumerate(ents) if credits(p, e)] for p in preds]
    pairs = max_matching(edges, len(preds))
    return Counts(credited=pairs, predicted=len(preds), gold=len(ents), correct_predicted=pairs)


def lenient_counts(doc, names):
    """Lenient-diagnostic counts for one document."""
    strings = gold_strings(doc)
    ents = entities(strings)
    preds = predicted_names(names)
    correct = sum(1 for p in preds if any(related(p, s) for s in strings))
    found = sum(1 for e in ents if any(related(p, s) for p in preds for s in e))
    return Counts(credited=found, predicted=len(preds), gold=len(ents), correct_predicted=correct)


def score(docs, predictions):
    """Facet and lenient counts over documents; predictions maps id -> list of names."""
    facet, lenient = Counts(), Counts()
    for doc in docs:
        names = predictions.get(doc["id"], [])
        facet.add(facet_counts(doc, names))
        lenient.add(lenient_counts(doc, names))
    return facet, lenient


def error_counts(docs, predictions):
    """Counters of missed gold entities (by a fullest string) and of uncredited predictions."""
    missed, spurious = collections.Counter(), collections.Counter()
    for doc in docs:
        ents = entities(gold_strings(doc))
        preds = predicted_names(predictions.get(doc["id"], []))
        for e in ents:
            if not any(credits(p, e) for p in preds):
                missed[" ".join(max(e, key=len))] += 1
        for p in preds:
            if not any(credits(p, e) for e in ents):
                spurious[" ".join(p)] += 1
    return missed, spurious
