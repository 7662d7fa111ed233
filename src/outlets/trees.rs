//! The file form of a boosted-tree model and its evaluation, for the models fitted on page
//! dumps that a linear model serves less well (the second stage of the block model).
//!
//! The file: `#` comments, a `features<TAB>N` line, then per tree a `tree` line followed by
//! five tab-separated lines: `feature`, `threshold`, `left`, `right` (one value per split:
//! a value `x[feature] <= threshold` goes left; a child `>= 0` is a split, `-k - 1` is leaf
//! `k`) and `leaf` (each leaf's value). A tree with no split has empty split lines and one
//! leaf. A model's score is the sum of one leaf per tree, a log-odds.

/// One regression tree, its splits and leaves in the order the file gives them.
#[derive(Debug, Clone, PartialEq)]
struct Tree {
    feature: Vec<usize>,
    threshold: Vec<f64>,
    left: Vec<i32>,
    right: Vec<i32>,
    leaf: Vec<f64>,
}

/// A sum of trees over a fixed number of features.
#[derive(Debug, Clone, PartialEq)]
pub struct Forest {
    features: usize,
    trees: Vec<Tree>,
}

impl Forest {
    /// The summed leaf values the trees give these features (`x` must have the model's
    /// number of features).
    pub fn score(&self, x: &[f32]) -> f64 {
        debug_assert_eq!(x.len(), self.features);
        self.trees.iter().map(|t| t.leaf_value(x)).sum()
    }

    /// The probability the trees give these features (the logistic of the score).
    pub fn probability(&self, x: &[f32]) -> f32 {
        (1.0 / (1.0 + (-self.score(x)).exp())) as f32
    }
}

impl Tree {
    fn leaf_value(&self, x: &[f32]) -> f64 {
        if self.feature.is_empty() {
            return self.leaf[0];
        }
        let mut node = 0i32;
        while node >= 0 {
            let at = node as usize;
            node = if f64::from(x[self.feature[at]]) <= self.threshold[at] {
                self.left[at]
            } else {
                self.right[at]
            };
        }
        self.leaf[(-node - 1) as usize]
    }

    /// Whether every child points inside the tree and every split reads a known feature.
    fn check(&self, features: usize) -> Result<(), String> {
        let splits = self.feature.len();
        let same = [self.threshold.len(), self.left.len(), self.right.len()].iter().all(|&n| n == splits);
        if !same || self.leaf.len() != splits + 1 {
            return Err(format!("a tree with {splits} splits and {} leaves", self.leaf.len()));
        }
        // A split's children come after it (so no walk can loop) or are leaves.
        let child_ok = |(at, c): (usize, &i32)| match usize::try_from(*c) {
            Ok(node) => node > at && node < splits,
            Err(_) => usize::try_from(-i64::from(*c) - 1).is_ok_and(|k| k < self.leaf.len()),
        };
        if !self.left.iter().enumerate().chain(self.right.iter().enumerate()).all(child_ok) {
            return Err("a tree's child is out of range".to_string());
        }
        if let Some(f) = self.feature.iter().find(|&&f| f >= features) {
            return Err(format!("a split on feature {f} of {features}"));
        }
        Ok(())
    }
}

/// Reads a model file over `features` inputs; every tree must be whole and split only on
/// those.
pub fn parse(text: &str, features: usize) -> Result<Forest, String> {
    let mut lines = text.lines().filter(|l| !l.is_empty() && !l.starts_with('#'));
    let declared: usize = match lines.next().and_then(|l| l.split_once('\t')) {
        Some(("features", n)) => n.trim().parse().map_err(|_| format!("bad feature count {n:?}"))?,
        _ => return Err("no features line".into()),
    };
    if declared != features {
        return Err(format!("trees over {declared} features, {features} expected"));
    }
    let mut trees = Vec::new();
    while let Some(line) = lines.next() {
        if line != "tree" {
            return Err(format!("expected a tree, found {line:?}"));
        }
        let mut field = |name: &str| -> Result<Vec<String>, String> {
            let line = lines.next().ok_or_else(|| format!("a tree ends before its {name} line"))?;
            let mut parts = line.split('\t');
            if parts.next() != Some(name) {
                return Err(format!("expected the {name} line, found {line:?}"));
            }
            Ok(parts.filter(|p| !p.is_empty()).map(str::to_string).collect())
        };
        let tree = Tree {
            feature: numbers(&field("feature")?)?,
            threshold: numbers(&field("threshold")?)?,
            left: numbers(&field("left")?)?,
            right: numbers(&field("right")?)?,
            leaf: numbers(&field("leaf")?)?,
        };
        tree.check(features)?;
        trees.push(tree);
    }
    Ok(Forest { features, trees })
}

fn numbers<T: std::str::FromStr>(parts: &[String]) -> Result<Vec<T>, String> {
    parts.iter().map(|p| p.parse().map_err(|_| format!("bad number {p:?}"))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_TREES: &str = "# fitted by hand\nfeatures\t2\n\
        tree\nfeature\t0\t1\nthreshold\t0.5\t2\nleft\t-1\t-2\nright\t1\t-3\nleaf\t-1\t0.25\t2\n\
        tree\nfeature\nthreshold\nleft\nright\nleaf\t0.5\n";

    #[test]
    fn trees_sum_the_leaves_each_value_reaches() {
        let forest = parse(TWO_TREES, 2).unwrap();
        assert_eq!(forest.score(&[0.5, 9.0]), -0.5);
        assert_eq!(forest.score(&[0.6, 2.0]), 0.75);
        assert_eq!(forest.score(&[0.6, 2.5]), 2.5);
        assert!((forest.probability(&[0.0, 0.0]) - 0.377_540_7).abs() < 1e-6);
    }

    #[test]
    fn broken_models_are_refused() {
        assert_eq!(parse("tree\n", 1).unwrap_err(), "no features line");
        assert_eq!(parse(TWO_TREES, 3).unwrap_err(), "trees over 2 features, 3 expected");
        let short = "features\t2\ntree\nfeature\t0\nthreshold\t0.5\nleft\t-1\n";
        assert!(parse(short, 2).unwrap_err().contains("before its right line"));
        let wide = "features\t1\ntree\nfeature\t3\nthreshold\t0\nleft\t-1\nright\t-2\nleaf\t1\t2\n";
        assert_eq!(parse(wide, 1).unwrap_err(), "a split on feature 3 of 1");
        let lost = "features\t1\ntree\nfeature\t0\nthreshold\t0\nleft\t-1\nright\t-5\nleaf\t1\t2\n";
        assert_eq!(parse(lost, 1).unwrap_err(), "a tree's child is out of range");
        let looped =
            "features\t1\ntree\nfeature\t0\t0\nthreshold\t0\t0\nleft\t1\t1\nright\t-1\t-2\nleaf\t1\t2\t3\n";
        assert_eq!(parse(looped, 1).unwrap_err(), "a tree's child is out of range");
        let leaves = "features\t1\ntree\nfeature\t0\nthreshold\t0\nleft\t-1\nright\t-2\nleaf\t1\n";
        assert!(parse(leaves, 1).unwrap_err().starts_with("a tree with 1 splits"));
    }
}
