package org.atelier.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.atelier.core.errors.ConfigException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.FileNames;
import org.atelier.core.io.Hashing;

/**
 * Loads experiment configs from YAML onto typed records, strictly. Keys are snake_case
 * ({@code batch_size} binds the record component {@code batchSize}): an unknown key, a value of
 * the wrong type or a failed validation in a record's constructor is a {@link ConfigException}
 * naming the dotted key path and the file (or the {@code --set} override) it came from.
 *
 * <p>Overrides {@code a.b.c=value} are applied to the YAML tree before binding, so they are
 * validated exactly like the file; the value is read as a YAML scalar or flow collection
 * ({@code 200}, {@code 0.5}, {@code true}, {@code [thick, thin]}).
 *
 * <p>YAML anchors and aliases ({@code &a}, {@code *a}) are refused: the YAML reader underneath
 * returns an alias as its anchor's name rather than the anchored value, so {@code [&s skin_group, *s]}
 * would silently read as {@code [skin_group, s]}. A config file above {@link #MAX_BYTES} is refused
 * before it is parsed.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ObjectMapper CANONICAL_JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Largest config file read (1 MiB): experiment configs are a few hundred bytes. */
    public static final int MAX_BYTES = 1 << 20;

    private ConfigLoader() {
    }

    /** Reads {@code file}, applies {@code overrides} ("key.path=value"), binds onto {@code type}. */
    public static <T> T load(Path file, Class<T> type, List<String> overrides) {
        JsonNode tree;
        Path found = FileNames.existingFile(file, "config file");
        try (InputStream in = Files.newInputStream(found)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ConfigException(file.toString(), "", "file is larger than " + MAX_BYTES
                        + " bytes; a config is a short YAML mapping");
            }
            tree = readTree(bytes, file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such config file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read config file (" + e.getMessage() + ")", e);
        }
        return bind(applyOverrides(tree, overrides), type, file.toString(), overrides);
    }

    /** Like {@link #load} for a config embedded on the class path (the default experiments). */
    public static <T> T loadResource(Class<?> anchor, String resource, Class<T> type, List<String> overrides) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("embedded config missing from the build: " + resource);
            }
            JsonNode tree = readTree(in.readAllBytes(), "embedded " + resource);
            return bind(applyOverrides(tree, overrides), type, "embedded " + resource, overrides);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read embedded config " + resource, e);
        }
    }

    private static JsonNode readTree(byte[] yaml, String source) throws IOException {
        try {
            refuseAliases(yaml, source);
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!tree.isObject()) {
                throw new ConfigException(source, "", "expected a YAML mapping of keys at the top level");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "", "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    /** Walks the token stream once and refuses the first anchor or alias, naming its line. */
    private static void refuseAliases(byte[] yaml, String source) throws IOException {
        try (JsonParser p = YAML.getFactory().createParser(yaml)) {
            YAMLParser y = (YAMLParser) p;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (y.isCurrentAlias() || y.getCurrentAnchor() != null) {
                    String name = y.isCurrentAlias() ? "*" + p.getText() : "&" + y.getCurrentAnchor();
                    throw new ConfigException(source, "", "YAML anchors and aliases are not supported (found '" + name
                            + "' at line " + p.currentLocation().getLineNr() + "); write the value out in full");
                }
            }
        }
    }

    /** Returns a copy of {@code tree} with every {@code key.path=value} override set, creating mappings on the way. */
    public static JsonNode applyOverrides(JsonNode tree, List<String> overrides) {
        ObjectNode root = tree.deepCopy();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set " + override, "", "expected KEY.PATH=VALUE");
            }
            String path = override.substring(0, eq).trim();
            String raw = override.substring(eq + 1).trim();
            String[] keys = path.split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < keys.length - 1; i++) {
                JsonNode child = node.get(keys[i]);
                if (child == null || child.isNull()) {
                    child = node.putObject(keys[i]);
                } else if (!child.isObject()) {
                    throw new ConfigException("--set " + override, String.join(".", List.of(keys).subList(0, i + 1)),
                            "is a value, not a mapping, so it has no key '" + keys[i + 1] + "'");
                }
                node = (ObjectNode) child;
            }
            node.set(keys[keys.length - 1], parseValue(raw, override));
        }
        return root;
    }

    private static JsonNode parseValue(String raw, String override) {
        if (raw.isEmpty()) {
            return JsonNodeFactory.instance.textNode("");
        }
        try {
            refuseAliases(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8), "--set " + override);
            JsonNode v = YAML.readTree(raw);
            return v == null ? JsonNodeFactory.instance.nullNode() : v;
        } catch (JsonProcessingException e) {
            throw new ConfigException("--set " + override, "", "value is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("--set " + override, "", "value is not valid YAML: " + e.getMessage());
        }
    }

    /** Binds a tree onto a record; errors name the key path and whichever source set that key. */
    public static <T> T bind(JsonNode tree, Class<T> type, String source, List<String> overrides) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String keyPath = keyPath(e);
            String origin = originOf(keyPath, source, overrides);
            throw new ConfigException(origin, keyPath, describe(e));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "", e.getOriginalMessage());
        }
    }

    private static String keyPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String originOf(String keyPath, String file, List<String> overrides) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            String key = overrides.get(i).split("=", 2)[0].trim();
            if (!key.isEmpty() && (keyPath.equals(key) || keyPath.startsWith(key + ".") || keyPath.startsWith(key + "["))) {
                return "--set " + overrides.get(i) + " (over " + file + ")";
            }
        }
        return file;
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.toList());
            return "unknown key; expected one of " + known;
        }
        if (e instanceof InvalidFormatException f) {
            return "expected " + typeName(f.getTargetType()) + " but got '" + f.getValue() + "'";
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() != null ? v.getCause() : v;
            return cause.getMessage();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + typeName(m.getTargetType()) + " (" + m.getOriginalMessage().split("\n")[0] + ")";
        }
        return e.getOriginalMessage().split("\n")[0];
    }

    private static String typeName(Class<?> t) {
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "an integer";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t.isEnum()) {
            return "one of " + List.of(t.getEnumConstants()).stream().map(Object::toString)
                    .map(String::toLowerCase).collect(Collectors.toList());
        }
        if (t == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(t)) {
            return "a list";
        }
        return "a " + t.getSimpleName();
    }

    /** The config as YAML, keys sorted: what a run records as its resolved config. */
    public static String toYaml(Object config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config not serialisable: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the canonical JSON form (keys sorted), stable across YAML formatting and key order. */
    public static String hash(Object config) {
        try {
            JsonNode tree = CANONICAL_JSON.valueToTree(config);
            Object sorted = CANONICAL_JSON.treeToValue(tree, Object.class);
            return Hashing.sha256(CANONICAL_JSON.writeValueAsString(sortDeep(sorted)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config not serialisable: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object sortDeep(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sortDeep(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(ConfigLoader::sortDeep).collect(Collectors.toList());
        }
        return o;
    }
}
