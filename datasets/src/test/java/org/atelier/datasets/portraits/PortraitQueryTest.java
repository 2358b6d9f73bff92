package org.atelier.datasets.portraits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.atelier.core.errors.ConfigException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.datasets.Slices;
import org.junit.jupiter.api.Test;

class PortraitQueryTest {
    @Test
    void queryGivesTheSpecAConfigWouldGive() {
        PortraitSpec q = PortraitQuery.parse(32, "skin_group=light:0.8,medium:0.1,dark:0.1&n=500&seed=7", 2000, 0);
        PortraitSpec yaml = new PortraitSpec(32, 500, 7, Map.of("skin_group", Map.of("light", 0.8, "medium", 0.1, "dark", 0.1)));
        assertEquals(yaml.canonical(), q.canonical());
        assertArrayEquals(new double[]{0.8, 0.1, 0.1},
                q.resolvedShares().get(PortraitAttributes.Configurable.SKIN_GROUP), 1e-12);
        assertEquals(q.canonical(), PortraitQuery.parse(32, PortraitQuery.format(q), 1, 1).canonical());
    }

    @Test
    void theCatalogueOpensASkewedSetAndDefaultsStay() {
        SyntheticPortraits ds = (SyntheticPortraits) DatasetCatalog.open(
                "portraits-32?skin_group=light:8,medium:1,dark:1&n=1000", 32);
        assertEquals(1000, ds.size());
        int light = Slices.counts(ds, "skin_group").get("light");
        assertTrue(light > 760 && light < 840, "light portraits: " + light + " of 1000 at share 0.8");
        SyntheticPortraits plain = (SyntheticPortraits) DatasetCatalog.open("portraits-32", 32);
        assertEquals(PortraitSpec.uniform(32, DatasetCatalog.DEFAULT_PORTRAITS, 0).canonical(), plain.spec().canonical());
    }

    @Test
    void badQueriesNameThePart() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DatasetCatalog.open("portraits-32?skin_group=light", 32));
        assertTrue(e.getMessage().contains("'skin_group=light'"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> DatasetCatalog.open("portraits-32?n=many", 32));
        assertThrows(InvalidInputException.class, () -> DatasetCatalog.open("portraits-48?n=10", 32));
        ConfigException c = assertThrows(ConfigException.class,
                () -> DatasetCatalog.open("portraits-32?skin_group=purple:1", 32));
        assertTrue(c.getMessage().contains("shares.skin_group.purple"), c.getMessage());
    }
}
