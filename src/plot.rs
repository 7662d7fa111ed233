//! Trend charts written as SVG, or as PNG rendered from the same SVG.

use std::path::Path;

use anyhow::{bail, Context, Result};
use plotters::prelude::*;

use crate::search::trend::Bucket;

const SIZE: (u32, u32) = (1000, 500);

/// Writes a line chart of a trend; the file's extension (.svg or .png) picks the format.
pub fn trend_chart(path: &Path, buckets: &[Bucket], title: &str, by: &str) -> Result<()> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let svg = svg_chart(buckets, title, by)?;
    match ext.as_deref() {
        Some("svg") => std::fs::write(path, svg)?,
        Some("png") => std::fs::write(path, png_from_svg(&svg)?)?,
        _ => bail!("--plot takes a .svg or .png file name"),
    }
    Ok(())
}

fn svg_chart(buckets: &[Bucket], title: &str, by: &str) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        let n = buckets.len().max(1);
        let max = buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 22))
            .margin(20)
            .x_label_area_size(60)
            .y_label_area_size(70)
            .build_cartesian_2d(0..n, 0..max + max / 10 + 1)
            .map_err(plot_error)?;
        let label = |i: &usize| buckets.get(*i).map(|b| b.label.clone()).unwrap_or_default();
        chart
            .configure_mesh()
            .x_desc(format!("Publication date (by {by})"))
            .y_desc("Matching articles")
            .x_labels(12.min(n))
            .x_label_formatter(&label)
            .axis_desc_style(("sans-serif", 16))
            .label_style(("sans-serif", 13))
            .draw()
            .map_err(plot_error)?;
        let points = buckets.iter().enumerate().map(|(i, b)| (i, b.count));
        let colour = RGBColor(31, 119, 180);
        chart
            .draw_series(AreaSeries::new(points.clone(), 0, colour.mix(0.2)).border_style(colour))
            .map_err(plot_error)?;
        chart.draw_series(points.map(|p| Circle::new(p, 3, colour.filled()))).map_err(plot_error)?;
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

fn plot_error<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow::anyhow!("chart drawing failed: {e:?}")
}

/// Renders SVG to PNG with the system's fonts.
fn png_from_svg(svg: &str) -> Result<Vec<u8>> {
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_system_fonts();
    if let Some(family) = sans_serif_family(fonts) {
        fonts.set_sans_serif_family(family);
    }
    let tree = resvg::usvg::Tree::from_str(svg, &options).context("cannot read the chart")?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).context("chart size")?;
    resvg::render(&tree, resvg::tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().context("cannot encode PNG")
}

/// A sans-serif family the system has: a common one if installed, else any.
fn sans_serif_family(fonts: &resvg::usvg::fontdb::Database) -> Option<String> {
    const PREFERRED: &[&str] = &["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica"];
    let families: Vec<String> =
        fonts.faces().flat_map(|face| face.families.iter().map(|(name, _)| name.clone())).collect();
    PREFERRED
        .iter()
        .find(|p| families.iter().any(|f| f == *p))
        .map(|p| p.to_string())
        .or_else(|| families.into_iter().next())
}
