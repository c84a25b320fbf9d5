import HandoffTerminal
import Testing

@Suite struct DisplayWidthTests {
  @Test func asciiIsOneCellEach() {
    #expect(DisplayWidth.of("hello, world") == 12)
    #expect(DisplayWidth.of(Character("~")) == 1)
    #expect(DisplayWidth.of("") == 0)
  }

  @Test func cjkAndFullwidthAreTwo() {
    #expect(DisplayWidth.of("東京") == 4)
    #expect(DisplayWidth.of(Character("한")) == 2)
    #expect(DisplayWidth.of(Character("Ａ")) == 2)  // fullwidth A
    #expect(DisplayWidth.of(Character("ｱ")) == 1)  // halfwidth katakana
    #expect(DisplayWidth.of(Character("\u{20000}")) == 2)  // CJK extension B
  }

  @Test func emojiPresentationIsTwo() {
    #expect(DisplayWidth.of(Character("😀")) == 2)
    #expect(DisplayWidth.of(Character("🚀")) == 2)
    #expect(DisplayWidth.of(Character("❤\u{FE0F}")) == 2)  // text default, emoji selector
    #expect(DisplayWidth.of(Character("❤")) == 1)
    #expect(DisplayWidth.of(Character("👍🏽")) == 2)  // with skin tone modifier
  }

  @Test func zwjSequencesAndFlagsAreOneClusterTwoCells() {
    let family = "👩‍👩‍👧"
    #expect(family.count == 1)
    #expect(DisplayWidth.of(family) == 2)
    #expect(DisplayWidth.of("🇯🇵🇫🇷") == 4)
    #expect(DisplayWidth.of("🏳️‍🌈") == 2)
  }

  @Test func combiningMarksStayInTheirCluster() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("Zu\u{308}rich") == 6)
    #expect(DisplayWidth.of(Character("\u{301}")) == 0)
    #expect(DisplayWidth.of(Character("\u{200D}")) == 0)
    #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)  // Hangul jamo syllable
  }

  @Test func controlCharactersCountAsTheirVisibleSymbol() {
    #expect(DisplayWidth.of(UntrustedText.sanitized("a\u{1B}b\u{7}")) == 4)
    #expect(DisplayWidth.of(Character("\u{2400}")) == 1)
  }

  @Test func tableIsGeneratedFromAKnownUnicodeVersion() {
    #expect(DisplayWidth.unicodeVersion == "14.0.0")
  }
}
