package org.atelier.models.diffusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The workbench's small, honest analogue of a text encoder: it reads a short prompt such as
 * "old person with glasses, dark skin" against the model's own vocabulary — its class names
 * and attribute values — and returns the {@link Condition} the model was trained on
 * (age=old, glasses=yes, skin_group=dark; every attribute not named stays at its null token,
 * which attribute dropout trained the model to handle). There is no learnt language model:
 * a word outside the vocabulary is an error that lists the vocabulary, rather than a guess.
 *
 * <p>Phrases per value: the value itself (lower case; "T-shirt/top" also as "t-shirt", "top",
 * "t shirt"; plurals with -s/-es), the value with its attribute's noun ("dark skin",
 * "blond hair", "blue background"), yes/no attributes as "glasses" / "with glasses" /
 * "no glasses" / "without glasses", and a few synonyms (elderly, smiling, gray, blonde). A
 * bare value that belongs to two attributes (grey hair, grey background) must be said with
 * its noun. Matching is greedy, longest phrase first; function words (a, with, and, of, …)
 * and "person", "face", "portrait" are skipped.
 */
public final class PromptEncoder {
    private static final Set<String> FILLER = Set.of("a", "an", "the", "of", "with", "and", "in", "on", "wearing",
            "has", "having", "who", "is", "person", "people", "face", "portrait", "photo", "picture", "image",
            "someone", "somebody", "showing", "plus");
    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "old", List.of("elderly", "older", "aged"),
            "young", List.of("younger", "youthful"),
            "smile", List.of("smiling", "smiles", "happy"),
            "neutral", List.of("serious", "not smiling"),
            "blond", List.of("blonde"),
            "grey", List.of("gray"));
    private static final Map<String, String> NOUNS = Map.of(
            "skin_group", "skin", "skin_tone", "skin", "hair", "hair", "hair_style", "hair", "background", "background",
            "expression", "expression", "age", "");

    private final ConditionSpace space;
    /** phrase (tokens joined by one space) → (slot, value) */
    private final Map<String, int[]> phrases = new LinkedHashMap<>();
    /** bare words that name values of two attributes → their qualified phrases */
    private final Map<String, Set<String>> ambiguous = new TreeMap<>();
    private final int longest;

    public PromptEncoder(ConditionSpace space) {
        if (space.isEmpty()) {
            throw new IllegalArgumentException("an unconditional model takes no prompt");
        }
        this.space = space;
        Map<String, Set<String>> bareOwners = new LinkedHashMap<>();
        Map<String, int[]> bare = new LinkedHashMap<>();
        for (int s = 0; s < space.slots().size(); s++) {
            ConditionSlot slot = space.slots().get(s);
            String noun = NOUNS.getOrDefault(slot.name(), slot.name().equals("class") ? "" : slot.name().replace('_', ' '));
            boolean yesNo = slot.values().stream().allMatch(v -> v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("no"));
            for (int v = 0; v < slot.values().size(); v++) {
                String value = slot.values().get(v);
                int[] target = {s, v};
                if (yesNo) {
                    String thing = slot.name().replace('_', ' ');
                    List<String> forms = value.equalsIgnoreCase("yes")
                            ? List.of(thing, "with " + thing, "wearing " + thing)
                            : List.of("no " + thing, "without " + thing);
                    forms.forEach(f -> phrases.put(f, target));
                    continue;
                }
                for (String form : forms(value)) {
                    bare.put(form + "\u0000" + s, target);
                    bareOwners.computeIfAbsent(form, k -> new LinkedHashSet<>()).add(slot.name());
                    if (!noun.isEmpty()) {
                        phrases.put(form + " " + noun, target);
                        phrases.put(noun + " " + form, target);
                        if (noun.equals("skin")) {
                            phrases.put(form + "-skinned", target);
                            phrases.put(form + " skin tone", target);
                        }
                    }
                }
            }
        }
        bare.forEach((key, target) -> {
            String form = key.substring(0, key.indexOf('\u0000'));
            if (bareOwners.get(form).size() == 1) {
                phrases.putIfAbsent(form, target);
            } else {
                Set<String> q = ambiguous.computeIfAbsent(form, k -> new LinkedHashSet<>());
                for (String owner : bareOwners.get(form)) {
                    String noun = NOUNS.getOrDefault(owner, owner.replace('_', ' '));
                    q.add(noun.isEmpty() ? owner + "=" + form : form + " " + noun);
                }
            }
        });
        this.longest = phrases.keySet().stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
    }

    /** The words and phrases of one value: lower case, split at '/', hyphen variants, plurals, synonyms. */
    static List<String> forms(String value) {
        Set<String> out = new LinkedHashSet<>();
        String v = value.toLowerCase(Locale.ROOT).trim();
        List<String> bases = new ArrayList<>(List.of(v));
        if (v.contains("/")) {
            bases.addAll(Arrays.asList(v.split("/")));
        }
        for (String b : bases) {
            out.add(b);
            if (b.contains("-")) {
                out.add(b.replace('-', ' '));
                out.add(b.replace("-", ""));
            }
            out.addAll(SYNONYMS.getOrDefault(b, List.of()));
        }
        for (String b : new ArrayList<>(out)) {
            if (!b.contains("/") && b.matches(".*[a-z]$")) {
                out.add(b.endsWith("s") || b.endsWith("sh") || b.endsWith("ch") ? b + "es" : b + "s");
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * @return the condition the prompt names; attributes it does not name are null
     * @throws IllegalArgumentException for an empty prompt, a word outside the vocabulary, an
     *                                  ambiguous word, or two values of one attribute
     */
    public Condition encode(String prompt) {
        List<String> tokens = tokens(prompt);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the prompt is empty; " + vocabularyText());
        }
        int[] values = space.nullCondition().values();
        int i = 0;
        while (i < tokens.size()) {
            int[] match = null;
            int len = 0;
            for (int k = Math.min(longest, tokens.size() - i); k >= 1 && match == null; k--) {
                match = phrases.get(String.join(" ", tokens.subList(i, i + k)));
                len = k;
            }
            if (match == null) {
                String w = tokens.get(i);
                if (FILLER.contains(w)) {
                    i++;
                    continue;
                }
                if (ambiguous.containsKey(w)) {
                    throw new IllegalArgumentException("'" + w + "' in the prompt \"" + prompt + "\" is ambiguous: say "
                            + String.join(" or ", ambiguous.get(w).stream().map(q -> "'" + q + "'").toList()));
                }
                throw new IllegalArgumentException("unknown word '" + w + "' in the prompt \"" + prompt + "\"; "
                        + vocabularyText());
            }
            int slot = match[0];
            int nullIndex = space.slots().get(slot).nullIndex();
            if (values[slot] != nullIndex && values[slot] != match[1]) {
                ConditionSlot s = space.slots().get(slot);
                throw new IllegalArgumentException("the prompt \"" + prompt + "\" names two values of " + s.name() + ": "
                        + s.values().get(values[slot]) + " and " + s.values().get(match[1]));
            }
            values[slot] = match[1];
            i += len;
        }
        Condition c = new Condition(values);
        if (c.equals(space.nullCondition())) {
            throw new IllegalArgumentException("the prompt \"" + prompt + "\" names nothing the model knows; " + vocabularyText());
        }
        return c;
    }

    static List<String> tokens(String prompt) {
        String cleaned = prompt.toLowerCase(Locale.ROOT).replaceAll("[,;.!?:()\"&+]", " ").trim();
        return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split("\\s+"));
    }

    /** Per slot, its values (what a prompt may name). */
    public Map<String, List<String>> vocabulary() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ConditionSlot s : space.slots()) {
            out.put(s.name(), s.values());
        }
        return out;
    }

    /** "the vocabulary is: age: adult, old, young; glasses: yes (glasses), no (no glasses); …". */
    public String vocabularyText() {
        List<String> parts = new ArrayList<>();
        for (ConditionSlot s : space.slots()) {
            List<String> vs = new ArrayList<>();
            for (String v : s.values()) {
                String example = phrases.entrySet().stream()
                        .filter(e -> space.slots().get(e.getValue()[0]) == s && s.values().get(e.getValue()[1]).equals(v))
                        .map(Map.Entry::getKey).findFirst().orElse(v);
                vs.add(example.equals(v.toLowerCase(Locale.ROOT)) ? v : v + " ('" + example + "')");
            }
            parts.add(s.name() + ": " + String.join(", ", vs));
        }
        return "the vocabulary is: " + String.join("; ", parts);
    }
}
