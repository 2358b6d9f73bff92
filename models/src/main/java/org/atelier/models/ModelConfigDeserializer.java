package org.atelier.models;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.atelier.models.gan.GanConfig;
import org.atelier.models.gan.GanFamily;
import org.atelier.models.nst.FastNstConfig;
import org.atelier.models.nst.NstFamily;

/**
 * Binds {@code model:} onto the record of the family its {@code family} key names. Written as a
 * small deserializer rather than Jackson's {@code @JsonTypeInfo} so that an unknown or missing
 * family is reported at the key {@code model.family} with every known family listed, like any
 * other bad value.
 */
final class ModelConfigDeserializer extends StdDeserializer<ModelConfig> {
    private static final long serialVersionUID = 1L;

    ModelConfigDeserializer() {
        super(ModelConfig.class);
    }

    @Override
    public ModelConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        JsonNode family = node.get("family");
        String id = family == null || family.isNull() ? null : family.asText();
        Class<? extends ModelConfig> type = typeOf(id);
        if (type == null) {
            String problem = id == null ? "is required; expected one of " + known()
                    : "unknown family '" + id + "'; expected one of " + known();
            ValueInstantiationException e = ValueInstantiationException.from(p, problem,
                    ctxt.constructType(ModelConfig.class), new IllegalArgumentException(problem));
            e.prependPath(new JsonMappingException.Reference(ModelConfig.class, "family"));
            throw e;
        }
        return ctxt.readTreeAsValue(node, type);
    }

    private static Class<? extends ModelConfig> typeOf(String id) {
        if (id == null) {
            return null;
        }
        for (GanFamily f : GanFamily.values()) {
            if (f.id().equals(id)) {
                return GanConfig.class;
            }
        }
        for (NstFamily f : NstFamily.values()) {
            if (f.id().equals(id)) {
                return FastNstConfig.class;
            }
        }
        return null;
    }

    private static List<String> known() {
        List<String> ids = new ArrayList<>();
        for (GanFamily f : GanFamily.values()) {
            ids.add(f.id());
        }
        for (NstFamily f : NstFamily.values()) {
            ids.add(f.id());
        }
        return ids;
    }
}
