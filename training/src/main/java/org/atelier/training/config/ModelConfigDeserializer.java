package org.atelier.training.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.atelier.models.ModelConfig;
import org.atelier.models.diffusion.DiffusionConfig;
import org.atelier.models.gan.GanConfig;
import org.atelier.models.gan.GanFamily;
import org.atelier.models.nst.FastNstConfig;
import org.atelier.models.nst.NstFamily;

/**
 * Binds a {@code model:} section to the record of the family its {@code family} key names.
 * Hand-written rather than Jackson's polymorphic type ids so that an unknown family is reported
 * at the key {@code model.family} with the list of families, like every other config error.
 */
public final class ModelConfigDeserializer extends JsonDeserializer<ModelConfig> {
    /** Family name → the record its section binds to. */
    static final Map<String, Class<? extends ModelConfig>> FAMILIES = new TreeMap<>();

    static {
        for (GanFamily f : GanFamily.values()) {
            FAMILIES.put(f.id(), GanConfig.class);
        }
        FAMILIES.put(DiffusionConfig.FAMILY, DiffusionConfig.class);
        for (NstFamily f : NstFamily.values()) {
            FAMILIES.put(f.id(), FastNstConfig.class);
        }
    }

    @Override
    public ModelConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        if (node == null || !node.isObject()) {
            throw JsonMappingException.from(p, "expected a mapping with a family key (one of " + FAMILIES.keySet() + ")");
        }
        JsonNode family = node.get("family");
        if (family == null || !family.isTextual()) {
            JsonMappingException e = JsonMappingException.from(p, "model.family is required: one of " + FAMILIES.keySet());
            e.prependPath(node, "family");
            throw e;
        }
        Class<? extends ModelConfig> type = FAMILIES.get(family.asText());
        if (type == null) {
            JsonMappingException e = JsonMappingException.from(p, "unknown model family '" + family.asText()
                    + "'; expected one of " + FAMILIES.keySet());
            e.prependPath(node, "family");
            throw e;
        }
        return ctxt.readTreeAsValue(node, type);
    }
}
