//! Traffic shares as a person reads them: whole tenths of a percent.

/// The shares after adding one region: the new region takes an equal share
/// (100 ÷ n %, rounded to a whole percent) and the others give it up in
/// proportion to what they had, each rounded to a tenth of a percent; the
/// rounding remainder goes to the largest, so the shares add up to exactly
/// 100 % and every field shows a short number (33 %, 33.5 %), never
/// 26.666667 %. Returns the existing regions' new shares and the new
/// region's share, as fractions.
pub fn with_new_region(shares: &[f64]) -> (Vec<f64>, f64) {
    let n = shares.len() + 1;
    let new_pct = (100.0 / n as f64).round();
    let total: f64 = shares.iter().sum();
    let rest_pct = 100.0 - new_pct;
    let mut tenths: Vec<i64> = shares
        .iter()
        .map(|s| {
            let part = if total > 0.0 {
                s / total
            } else {
                1.0 / shares.len() as f64
            };
            (part * rest_pct * 10.0).round() as i64
        })
        .collect();
    let want = (rest_pct * 10.0).round() as i64;
    let have: i64 = tenths.iter().sum();
    if let Some(largest) = (0..tenths.len()).max_by_key(|&i| tenths[i]) {
        tenths[largest] += want - have;
    }
    (
        tenths.iter().map(|t| *t as f64 / 1000.0).collect(),
        new_pct / 100.0,
    )
}

#[cfg(test)]
mod tests {
    use super::with_new_region;

    #[test]
    fn two_halves_and_a_third_region() {
        // 100/3 = 33.3 → 33 %; the others share 67 % as they shared 100 %:
        // 33.5 % each.
        let (old, new) = with_new_region(&[0.5, 0.5]);
        assert_eq!(old, vec![0.335, 0.335]);
        assert_eq!(new, 0.33);
    }

    #[test]
    fn always_adds_up_and_reads_short() {
        for shares in [
            vec![1.0],
            vec![0.6, 0.4],
            vec![0.2, 0.3, 0.5],
            vec![0.335, 0.335, 0.33],
            vec![0.0, 1.0],
            vec![0.0, 0.0],
        ] {
            let (old, new) = with_new_region(&shares);
            let sum: f64 = old.iter().sum::<f64>() + new;
            assert!((sum - 1.0).abs() < 1e-9, "{shares:?} → {old:?} + {new}");
            for s in old.iter().chain([&new]) {
                let tenths_of_pct = s * 1000.0;
                assert!((tenths_of_pct - tenths_of_pct.round()).abs() < 1e-6, "{s}");
                assert!(*s >= 0.0);
            }
        }
    }
}
