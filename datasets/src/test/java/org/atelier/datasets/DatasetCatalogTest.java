package org.atelier.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {
    @Test
    void embeddedFashionMnistCountsPerClass() {
        ImageDataset ds = DatasetCatalog.open("fashion-mnist:test", 64);
        Map<String, Integer> counts = Slices.counts(ds, Slices.CLASS);
        assertEquals(10, counts.size());
        counts.values().forEach(n -> assertEquals(1000, n));
        assertEquals("T-shirt/top", counts.keySet().iterator().next());
    }

    @Test
    void portraitsSliceByAttributeCoversEverySample() {
        ImageDataset ds = DatasetCatalog.open("portraits-32", 64);
        assertEquals(32, ds.width());
        Map<String, List<Integer>> bySkin = Slices.indicesBy(ds, "skin_group");
        assertEquals(List.of("dark", "light", "medium"), List.copyOf(bySkin.keySet()));
        assertEquals(ds.size(), bySkin.values().stream().mapToInt(List::size).sum());
        int i = bySkin.get("dark").get(0);
        assertEquals("dark", ds.get(i).attributes().get("skin_group"), "attributesOf agrees with get");
    }

    @Test
    void samplesAreContentAndStyleImages() {
        ImageDataset ds = DatasetCatalog.open("samples", 48);
        Map<String, Integer> roles = Slices.counts(ds, "role");
        assertEquals(Map.of("content", 4, "style", 3), roles);
        assertEquals(48, ds.get(0).image().height());
    }

    @Test
    void unknownNamesColumnsAndSplitsAreUserErrors() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DatasetCatalog.open("cifar", 32));
        assertTrue(e.getMessage().contains("fashion-mnist:test"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> DatasetCatalog.open("fashion-mnist:validation", 32));
        assertThrows(InvalidInputException.class, () -> DatasetCatalog.open("celeba:/no/such/dir", 32));
        assertThrows(InvalidInputException.class, () -> DatasetCatalog.open("manifest:", 32));
        ImageDataset fm = DatasetCatalog.open("fashion-mnist:test", 32);
        InvalidInputException col = assertThrows(InvalidInputException.class, () -> Slices.indicesBy(fm, "age"));
        assertTrue(col.getMessage().contains("class"), col.getMessage());
    }

    @Test
    void valuesWithNumbersSortByNumber() {
        List<String> v = new java.util.ArrayList<>(List.of("MST-10", "MST-2", "MST-1", "b", "a", "20-29", "3-9"));
        v.sort(Slices::naturalOrder);
        assertEquals(List.of("3-9", "20-29", "MST-1", "MST-2", "MST-10", "a", "b"), v);
    }

    @Test
    void pickIsSeededAndDistinct() {
        List<Integer> all = java.util.stream.IntStream.range(0, 100).boxed().toList();
        assertEquals(Slices.pick(all, 10, 3), Slices.pick(all, 10, 3));
        assertEquals(10, Slices.pick(all, 10, 3).stream().distinct().count());
        assertEquals(5, Slices.pick(all.subList(0, 5), 10, 3).size());
    }
}
