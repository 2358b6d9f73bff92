package org.atelier.bench;

import java.util.ArrayList;
import java.util.List;
import org.atelier.core.errors.InvalidInputException;

/** Every benchmark case, in the order they run and print. */
final class BenchCases {
    private BenchCases() {
    }

    static List<BenchCase> all() {
        return List.of(new DcganStepCase(), new UNetStepCase(), new UNetForwardCase(), new DdimSamplingCase(),
                new FidCase(), new SsimCase());
    }

    static List<String> ids() {
        return all().stream().map(BenchCase::id).toList();
    }

    /**
     * The cases named in a comma-separated list, in the standard order; all of them for null or blank.
     *
     * @throws InvalidInputException naming an unknown case and the known ones
     */
    static List<BenchCase> select(String list) {
        if (list == null || list.isBlank()) {
            return all();
        }
        List<String> wanted = new ArrayList<>();
        for (String s : list.split(",")) {
            String id = s.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!ids().contains(id)) {
                throw new InvalidInputException("--cases: unknown case '" + id + "'; expected some of " + ids());
            }
            wanted.add(id);
        }
        return all().stream().filter(c -> wanted.contains(c.id())).toList();
    }
}
