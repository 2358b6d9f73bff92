package org.atelier.datasets.faces;

import static org.atelier.datasets.Fixtures.jpg;
import static org.atelier.datasets.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.Sample;
import org.atelier.datasets.manifest.ImageTarget;
import org.atelier.datasets.manifest.ManifestDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceDatasetsTest {
    @TempDir
    Path dir;
    final ImageTarget target = ImageTarget.of(3, 16, 16);

    // ---- CelebA ----

    /** The 40 attribute names of the release, in its order. */
    private static final List<String> CELEBA_ATTRIBUTES = List.of("5_o_Clock_Shadow", "Arched_Eyebrows",
            "Attractive", "Bags_Under_Eyes", "Bald", "Bangs", "Big_Lips", "Big_Nose", "Black_Hair", "Blond_Hair",
            "Blurry", "Brown_Hair", "Bushy_Eyebrows", "Chubby", "Double_Chin", "Eyeglasses", "Goatee", "Gray_Hair",
            "Heavy_Makeup", "High_Cheekbones", "Male", "Mouth_Slightly_Open", "Mustache", "Narrow_Eyes", "No_Beard",
            "Oval_Face", "Pale_Skin", "Pointy_Nose", "Receding_Hairline", "Rosy_Cheeks", "Sideburns", "Smiling",
            "Straight_Hair", "Wavy_Hair", "Wearing_Earrings", "Wearing_Hat", "Wearing_Lipstick", "Wearing_Necklace",
            "Wearing_Necktie", "Young");

    /** Row values: attribute a is present (1) when (image + a) is even. */
    private String celebaRow(int image) {
        StringBuilder s = new StringBuilder(String.format("%06d.jpg", image));
        for (int a = 0; a < 40; a++) {
            s.append(a % 3 == 0 ? "  " : " ").append((image + a) % 2 == 0 ? " 1" : "-1");
        }
        return s.append('\n').toString();
    }

    @Test
    void celebaAttributes() {
        StringBuilder f = new StringBuilder("3\n").append(String.join(" ", CELEBA_ATTRIBUTES)).append(" \n");
        for (int i = 1; i <= 3; i++) {
            f.append(celebaRow(i));
            jpg(dir.resolve("img_align_celeba").resolve(String.format("%06d.jpg", i)), 178, 218, 0x996633);
        }
        text(dir.resolve("list_attr_celeba.txt"), f.toString());
        ManifestDataset d = CelebA.open(dir, target);
        assertEquals("celeba", d.id());
        assertEquals(3, d.size());
        assertEquals(CELEBA_ATTRIBUTES, d.attributeNames());
        Sample s = d.get(1); // image 2: attribute a present when a is even
        assertEquals(Sample.NO_LABEL, s.label());
        assertEquals("yes", s.attributes().get("5_o_Clock_Shadow"));
        assertEquals("no", s.attributes().get("Arched_Eyebrows"));
        assertEquals("no", s.attributes().get("Young")); // a = 39
        assertEquals("yes", d.get(0).attributes().get("Young"));
        assertEquals(16, s.image().width());
        assertEquals(40, s.attributes().size());
    }

    @Test
    void celebaFormatErrorsNameTheLine() {
        jpg(dir.resolve("img_align_celeba/000001.jpg"), 8, 8, 0);
        text(dir.resolve("list_attr_celeba.txt"), "1\nSmiling Young\n000001.jpg 1 0\n");
        String m = assertThrows(CorruptFileException.class, () -> CelebA.open(dir, target)).getMessage();
        assertTrue(m.contains("line 3, value 2 is '0'"), m);
        text(dir.resolve("list_attr_celeba.txt"), "2\nSmiling Young\n000001.jpg 1 -1\n");
        m = assertThrows(CorruptFileException.class, () -> CelebA.open(dir, target)).getMessage();
        assertTrue(m.contains("declares 2 images, found 1"), m);
        text(dir.resolve("list_attr_celeba.txt"), "1\nSmiling Young\n000001.jpg 1\n");
        m = assertThrows(CorruptFileException.class, () -> CelebA.open(dir, target)).getMessage();
        assertTrue(m.contains("line 3 has 1 values for 2 attributes"), m);
        text(dir.resolve("list_attr_celeba.txt"), "1\nSmiling Young\n000002.jpg 1 1\n");
        m = assertThrows(InvalidInputException.class, () -> CelebA.open(dir, target)).getMessage();
        assertTrue(m.contains("list_attr_celeba.txt line 3 ('000002.jpg'): image not found"), m);
    }

    // ---- UTKFace ----

    @Test
    void utkFaceNamesBecomeAttributesAndBadNamesAreReported() {
        Path u = dir.resolve("UTKFace");
        jpg(u.resolve("25_1_2_20170116174525125.jpg.chip.jpg"), 200, 200, 0x445566);
        jpg(u.resolve("1_0_0_20161219140623097.jpg"), 200, 200, 0x445566);
        jpg(u.resolve("85_0_3_20170111200530000.jpg"), 40, 30, 0x445566);
        jpg(u.resolve("39_1_20170116174525125.jpg.chip.jpg"), 20, 20, 0); // race missing
        jpg(u.resolve("30_2_0_20170116174525125.jpg"), 20, 20, 0); // gender 2
        text(u.resolve(".DS_Store"), "ignored");
        ManifestDataset d = UtkFace.open(u, target);
        assertEquals("utkface", d.id());
        assertEquals(List.of("age", "age_group", "gender", "race"), d.attributeNames());
        assertEquals(3, d.size());
        List<Map<String, String>> attrs = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            attrs.add(d.get(i).attributes());
        }
        // name order: "1_...", "25_...", "85_..."
        assertEquals(Map.of("age", "1", "age_group", "0-2", "gender", "Male", "race", "White"), attrs.get(0));
        assertEquals(Map.of("age", "25", "age_group", "20-29", "gender", "Female", "race", "Asian"), attrs.get(1));
        assertEquals(Map.of("age", "85", "age_group", "more than 70", "gender", "Male", "race", "Indian"),
                attrs.get(2));
        List<String> w = d.warnings();
        assertEquals(3, w.size(), w.toString());
        assertTrue(w.get(0).contains("2 of 5 files skipped"), w.get(0));
        assertTrue(w.stream().anyMatch(x -> x.startsWith("39_1_20170116174525125.jpg.chip.jpg: skipped")), w.toString());
        assertTrue(w.stream().anyMatch(x -> x.contains("gender 2")), w.toString());
    }

    @Test
    void utkFaceWithNoParsableNameIsRefused() {
        Path u = dir.resolve("UTKFace");
        jpg(u.resolve("portrait.jpg"), 8, 8, 0);
        String m = assertThrows(InvalidInputException.class, () -> UtkFace.open(u, target)).getMessage();
        assertTrue(m.contains("no UTKFace image names found among 1 files"), m);
    }

    @Test
    void ageGroupBins() {
        assertEquals("0-2", AgeGroups.of(0));
        assertEquals("0-2", AgeGroups.of(2));
        assertEquals("3-9", AgeGroups.of(3));
        assertEquals("3-9", AgeGroups.of(9));
        assertEquals("10-19", AgeGroups.of(10));
        assertEquals("60-69", AgeGroups.of(69));
        assertEquals("more than 70", AgeGroups.of(70));
        assertEquals("more than 70", AgeGroups.of(116));
    }

    // ---- FairFace ----

    @Test
    void fairFaceLabelCsv() {
        jpg(dir.resolve("val/1.jpg"), 224, 224, 0x202020);
        jpg(dir.resolve("val/2.jpg"), 224, 224, 0x202020);
        Path csv = text(dir.resolve("fairface_label_val.csv"), "file,age,gender,race,service_test\n"
                + "val/1.jpg,3-9,Male,East Asian,False\n"
                + "val/2.jpg,more than 70,Female,Latino_Hispanic,True\n");
        ManifestDataset d = FairFace.open(dir, csv, target);
        assertEquals("fairface:val", d.id());
        assertEquals(List.of("age_group", "gender", "race", "service_test"), d.attributeNames());
        assertEquals(Map.of("age_group", "3-9", "gender", "Male", "race", "East Asian", "service_test", "False"),
                d.get(0).attributes());
        assertEquals("Latino_Hispanic", d.get(1).attributes().get("race"));
        assertEquals("more than 70", d.get(1).attributes().get("age_group"));
        assertEquals(3, d.get(1).image().channels());
    }

    @Test
    void fairFaceRefusesUnknownAgeAndMissingColumns() {
        jpg(dir.resolve("val/1.jpg"), 8, 8, 0);
        Path csv = text(dir.resolve("fairface_label_val.csv"), "file,age,gender,race\nval/1.jpg,25,Male,White\n");
        String m = assertThrows(InvalidInputException.class, () -> FairFace.open(dir, csv, target)).getMessage();
        assertTrue(m.contains("fairface_label_val.csv row 1 ('val/1.jpg'): age '25'"), m);
        Path noRace = text(dir.resolve("fairface_label_train.csv"), "file,age,gender\nval/1.jpg,3-9,Male\n");
        m = assertThrows(InvalidInputException.class, () -> FairFace.open(dir, noRace, target)).getMessage();
        assertTrue(m.contains("no 'race' column"), m);
    }
}
