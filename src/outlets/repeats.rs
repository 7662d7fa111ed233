//! A body printed twice: pages that lay the article out once for wide screens and once for
//! narrow ones, or in two tabs, leave every paragraph twice in the text a browser prints
//! (and in what a crawler exports). The second copy goes.
//!
//! A paragraph repeated alone stays: a question printed as a heading and again in an FAQ,
//! a line of code, a quote pulled out of the text. Only a run of repeats is a copy.

use xxhash_rust::xxh3::xxh3_64;

/// Fewest words of a paragraph whose repeat counts: shorter ones (`Step 2`, `Ingredients`)
/// recur in any long article.
const MIN_WORDS: usize = 6;

/// Fewest repeated paragraphs in a row (short ones between them neither break nor count)
/// that make a second copy.
const MIN_RUN: usize = 5;

/// Removes each run of at least [`MIN_RUN`] paragraphs that repeat earlier ones, with the
/// short paragraphs inside the run that were printed before it too. Paragraphs come with
/// their whitespace squashed and are compared by a hash of their text, so nothing is copied
/// (most bodies repeat nothing, and their words are not even counted).
pub fn drop_second_copy(paragraphs: &mut Vec<String>) {
    if paragraphs.len() < 2 * MIN_RUN {
        return;
    }
    let keys: Vec<u64> = paragraphs.iter().map(|p| xxh3_64(p.trim().as_bytes())).collect();
    let first = first_copies(&keys);
    let long = |i: usize| paragraphs[i].split_whitespace().nth(MIN_WORDS - 1).is_some();
    let repeated: Vec<bool> = (0..keys.len()).map(|i| first[i] < i && long(i)).collect();
    if repeated.iter().filter(|r| **r).count() < MIN_RUN {
        return;
    }
    let mut drop = vec![false; keys.len()];
    let mut i = 0;
    while i < keys.len() {
        if !repeated[i] {
            i += 1;
            continue;
        }
        let end = (i..keys.len()).find(|&j| !repeated[j] && long(j)).unwrap_or(keys.len());
        if repeated[i..end].iter().filter(|r| **r).count() >= MIN_RUN {
            for j in i..end {
                drop[j] = repeated[j] || first[j] < i;
            }
        }
        i = end;
    }
    let mut at = 0;
    paragraphs.retain(|_| {
        at += 1;
        !drop[at - 1]
    });
}

/// For each paragraph, the place of the first one with the same key.
fn first_copies(keys: &[u64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_unstable_by_key(|&i| (keys[i], i));
    let mut first: Vec<usize> = (0..keys.len()).collect();
    for pair in order.windows(2) {
        if keys[pair[0]] == keys[pair[1]] {
            first[pair[1]] = first[pair[0]];
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    const ARTICLE: [&str; 6] = [
        "The council voted on Tuesday to close the old bridge.",
        "Engineers had warned for years that the span was unsafe.",
        "Repairs",
        "Repairs would have cost more than a new crossing, they said.",
        "Residents will use the ferry until the new bridge opens.",
        "The ferry runs every twenty minutes from six in the morning.",
    ];

    #[test]
    fn a_second_copy_of_the_article_goes() {
        let mut twice = paras(&ARTICLE);
        twice.push("Share this story".into());
        twice.extend(paras(&ARTICLE));
        drop_second_copy(&mut twice);
        let mut once = paras(&ARTICLE);
        once.push("Share this story".into());
        assert_eq!(twice, once);
    }

    #[test]
    fn a_few_repeated_paragraphs_stay() {
        let mut faq = paras(&ARTICLE);
        faq.extend(paras(&ARTICLE[..4]));
        let kept = faq.clone();
        drop_second_copy(&mut faq);
        assert_eq!(faq, kept);
        let mut spread = paras(&ARTICLE);
        for (i, p) in ARTICLE.iter().enumerate() {
            spread.push((*p).to_string());
            spread.push(format!("New paragraph number {i} of the article, saying something else."));
        }
        let kept = spread.clone();
        drop_second_copy(&mut spread);
        assert_eq!(spread, kept);
    }
}
