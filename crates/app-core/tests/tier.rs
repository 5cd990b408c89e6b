//! The app's two tiers: the first download reads its sample as both tiers do, and the
//! second tier's file (as `scripts/trunk/tier.py` writes it at build time) gives the
//! command line's gazetteer, or an error for any damage. In the app's build (feature
//! `names-deferred`: `make test-native` runs this file so too) the learned name model
//! comes with the tier file.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use diplomap_app_core::sample::SAMPLE_ARTICLE;
use diplomap_app_core::tier::{self, TierError};
use diplomap_extract::{analyze_with, Analysis, Gazetteer, Tables};

/// A local story whose town and company only the second tier's file knows: Kanab, a
/// town of Utah of some 5,000 inhabitants, and a company of the deferred table.
const LOCAL_STORY: &str = "KANAB — The county commission met in Kanab on Tuesday. \
    Officials from Siemens did not attend the meeting.";

fn first_download(text: &str) -> Analysis {
    analyze_with(&Gazetteer::from_tables(&Tables::first_download()), text)
}

/// The tier file of this checkout, written by the build's own script (once).
fn tier_file() -> Vec<u8> {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(write_tier_file).clone()
}

fn write_tier_file() -> Vec<u8> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = std::env::temp_dir().join(format!("diplomap-tier-test-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let written = Command::new("python3")
        .arg(root.join("scripts/trunk/tier.py"))
        .arg(&out)
        .output()
        .expect("python3 runs scripts/trunk/tier.py");
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let name = String::from_utf8(written.stdout).unwrap();
    let bytes = std::fs::read(out.join(name.trim())).unwrap();
    std::fs::remove_dir_all(&out).unwrap();
    bytes
}

#[cfg(not(feature = "names-deferred"))]
#[test]
fn the_first_download_reads_the_sample_as_both_tiers_do() {
    let both = analyze_with(Gazetteer::shared_with_second_tier(), SAMPLE_ARTICLE);
    let first = first_download(SAMPLE_ARTICLE);
    assert!(!first.relations.is_empty() && first.entities.len() > 40);
    assert_eq!(first.entities, both.entities);
    assert_eq!(first.relations, both.relations);
}

#[cfg(not(feature = "names-deferred"))]
#[test]
fn the_tier_file_gives_the_command_lines_gazetteer() {
    let gazetteer = tier::gazetteer(&tier_file()).expect("the built tier file loads");
    let app = analyze_with(&gazetteer, LOCAL_STORY);
    assert_eq!(
        app,
        analyze_with(Gazetteer::shared_with_second_tier(), LOCAL_STORY)
    );
    // And it is what the first download lacks: the town's country, the company.
    let named = |analysis: &Analysis, what: &str| {
        analysis
            .entities
            .iter()
            .find(|entity| &LOCAL_STORY[entity.span.start..entity.span.end] == what)
            .map(|entity| (entity.label, entity.country.map(|code| code.to_string())))
    };
    let first = first_download(LOCAL_STORY);
    assert_eq!(
        named(&app, "Kanab")
            .and_then(|(_, country)| country)
            .as_deref(),
        Some("US")
    );
    assert_ne!(named(&first, "Kanab"), named(&app, "Kanab"));
    assert!(named(&app, "Siemens").is_some());
    assert_ne!(named(&first, "Siemens"), named(&app, "Siemens"));
}

#[cfg(not(feature = "names-deferred"))]
#[test]
fn a_damaged_tier_file_is_refused_never_read() {
    let bytes = tier_file();
    for cut in [0, 4, 15, 16, 17, 1000, bytes.len() / 2, bytes.len() - 1] {
        assert_eq!(
            tier::gazetteer(&bytes[..cut]).err(),
            Some(TierError::Corrupt),
            "cut at {cut}"
        );
    }
    for at in [20, 5000, bytes.len() / 3, bytes.len() - 1] {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x20;
        assert_eq!(
            tier::gazetteer(&damaged).err(),
            Some(TierError::Corrupt),
            "byte {at}"
        );
    }
    let mut older = bytes.clone();
    older[4] = 0;
    assert_eq!(tier::gazetteer(&older).err(), Some(TierError::NotATier));
    assert_eq!(
        tier::gazetteer(b"<!doctype html><p>Not found").err(),
        Some(TierError::NotATier)
    );
}

/// The app's build: before the tier file, the rules alone read the sample as the whole
/// core does; the file brings the name model, which finds a person no rule or list does.
/// (One test, so that nothing installs the model before it looks.)
#[cfg(feature = "names-deferred")]
#[test]
fn the_name_model_comes_with_the_tier_file() {
    const GIVEN_NAME_ALONE: &str =
        "That is all from the newsroom. Thank you, Harold, and good night.";
    let person = |analysis: &Analysis| {
        analysis
            .entities
            .iter()
            .any(|entity| &GIVEN_NAME_ALONE[entity.span.start..entity.span.end] == "Harold")
    };
    let sample_before = first_download(SAMPLE_ARTICLE);
    assert!(!person(&first_download(GIVEN_NAME_ALONE)));
    let gazetteer = tier::gazetteer(&tier_file()).expect("the built tier file loads");
    let sample_after = analyze_with(&gazetteer, SAMPLE_ARTICLE);
    assert_eq!(sample_before.entities, sample_after.entities);
    assert_eq!(sample_before.relations, sample_after.relations);
    assert!(person(&analyze_with(&gazetteer, GIVEN_NAME_ALONE)));
}
