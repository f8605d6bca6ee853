import unicodedata
import warnings

import pytest

from vnnews_nlp import LegacyEncodingError, MojibakeWarning
from vnnews_nlp.text import canonical_tone_placement, normalize


def mojibake(text: str) -> str:
    """UTF-8 bytes read as cp1252, the five undefined bytes kept as C1 controls (MySQL's "latin1")."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


SENTENCE = "Phó Bí thư Thường trực Tỉnh ủy đề nghị các địa phương, đơn vị “Dân vận khéo”."


def test_every_normalised_span_maps_back_to_the_same_characters_in_the_original():
    original = unicodedata.normalize("NFD", "Thuý  nói\u200b “hoà bình”\r\nchiều 19/1")
    nt = normalize(original)
    assert nt.text == 'Thúy nói "hòa bình"\nchiều 19/1'
    start, end = nt.to_original(nt.text.index("nói"), nt.text.index("nói") + 3)
    assert unicodedata.normalize("NFC", original[start:end]) == "nói"
    start, end = nt.to_original(nt.text.index("chiều"), len(nt.text))
    assert unicodedata.normalize("NFC", original[start:end]) == "chiều 19/1"


def test_nfd_input_is_composed():
    decomposed = unicodedata.normalize("NFD", SENTENCE)
    assert len(decomposed) > len(SENTENCE)
    assert normalize(decomposed).text == normalize(SENTENCE).text


@pytest.mark.parametrize(
    "new_style, old_style",
    [
        ("hoà", "hòa"),
        ("Thuý", "Thúy"),
        ("khoẻ", "khỏe"),
        ("Uỷ ban", "Ủy ban"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        ("hoá", "hóa"),
    ],
)
def test_one_tone_mark_placement(new_style, old_style):
    assert canonical_tone_placement(new_style) == old_style
    assert canonical_tone_placement(old_style) == old_style


@pytest.mark.parametrize("word", ["hoàng", "thuyết", "quý", "giữa", "gì", "người", "khuỷu", "xoáy", "được", "Quốc"])
def test_tone_placement_leaves_unambiguous_syllables_alone(word):
    assert canonical_tone_placement(word) == word


def test_quotes_dashes_and_spaces_are_normalised():
    nt = normalize("Ông A – Chủ tịch\u00a0UBND — nói: ‘tốt’\t\t„rất tốt“")
    assert nt.text == "Ông A - Chủ tịch UBND - nói: 'tốt' \"rất tốt\""


def test_mojibake_is_repaired_and_offsets_point_into_the_damaged_original():
    damaged = mojibake(SENTENCE)
    nt = normalize(damaged)
    assert nt.repaired_mojibake
    assert nt.text == normalize(SENTENCE).text
    start = nt.text.index("Thường")
    ostart, oend = nt.to_original(start, start + len("Thường"))
    assert damaged[ostart:oend] == mojibake("Thường")


def test_mojibake_that_lost_bytes_is_repaired_where_possible_and_warned_about():
    lossy = SENTENCE.encode("utf-8").decode("cp1252", errors="ignore")
    with pytest.warns(MojibakeWarning, match="lost"):
        nt = normalize(lossy)
    assert "Phó Bí thư" in nt.text and "địa phương" in nt.text


def test_well_encoded_text_with_a_lookalike_sequence_is_not_touched():
    text = "Chiến dịch “CHUNG TAY BẢO VỆ ĐỘNG VẬT HOANG DÃ” đã có mặt tại 9 chợ lớn trên địa bàn thành phố"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nt = normalize(text)
    assert "HOANG DÃ" in nt.text and not nt.repaired_mojibake


def test_tcvn3_text_is_refused_with_a_clear_error():
    tcvn3 = "Héi nghÞ tæng kÕt phong trµo thi ®ua “D©n vËn khÐo” t¹i Hµ TÜnh, §¶ng ñy ®Ò nghÞ c¸c ®Þa ph­¬ng"
    with pytest.raises(LegacyEncodingError, match="TCVN3") as info:
        normalize(tcvn3)
    assert info.value.encoding == "TCVN3"


def test_vni_text_is_refused_with_a_clear_error():
    vni = "Hoäi nghò toång keát phong traøo thi ñua Daân vaän kheùo taïi Haø Túnh, ñeà nghò caùc ñòa phöông"
    with pytest.raises(LegacyEncodingError, match="VNI"):
        normalize(vni)


@pytest.mark.parametrize(
    "text",
    [
        "Der Ministerpräsident forderte alle Ministerien auf, die Auszahlung öffentlicher Investitionen zu beschleunigen.",
        "Le Premier ministre a demandé à tous les ministères d’accélérer le décaissement des investissements.",
    ],
)
def test_european_languages_are_not_mistaken_for_legacy_encodings(text):
    assert normalize(text).text
