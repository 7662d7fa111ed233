//! The file form of a linear model's weights, shared by the models fitted on page dumps
//! (headline ranker, block model): `#` comments, then one `NAME<TAB>WEIGHT` line per feature.

/// Reads a weights file; every feature of `names` must have a weight, and no other may.
pub fn parse<const N: usize>(text: &str, names: &[&str; N]) -> Result<[f32; N], String> {
    let mut weights = [f32::NAN; N];
    for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (name, value) = line.split_once('\t').ok_or_else(|| format!("no tab in {line:?}"))?;
        let at = names.iter().position(|n| *n == name).ok_or_else(|| format!("unknown feature {name}"))?;
        weights[at] = value.trim().parse().map_err(|_| format!("bad weight in {line:?}"))?;
    }
    match weights.iter().position(|w| w.is_nan()) {
        Some(missing) => Err(format!("no weight for {}", names[missing])),
        None => Ok(weights),
    }
}

/// Writes a weights file: the `header` lines as `#` comments, then the weights.
pub fn render<const N: usize>(header: &[&str], names: &[&str; N], weights: &[f32; N]) -> String {
    let mut text: String = header.iter().map(|h| format!("# {h}\n")).collect();
    for (name, w) in names.iter().zip(weights) {
        text.push_str(&format!("{name}\t{w:.4}\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_and_every_feature_is_required() {
        let names = ["bias", "length"];
        let text = render(&["fitted by hand"], &names, &[0.5, -1.25]);
        assert!(text.starts_with("# fitted by hand\n"));
        assert_eq!(parse(&text, &names), Ok([0.5, -1.25]));
        assert_eq!(parse("bias\t1", &names).unwrap_err(), "no weight for length");
        assert!(parse("bias\t1\nwidth\t2", &names).unwrap_err().starts_with("unknown feature"));
        assert!(parse("bias 1", &names).unwrap_err().starts_with("no tab"));
    }
}
