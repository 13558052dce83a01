package dev.tora.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.ParamValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparamLinesTest {

    @Test
    void linesBecomeTypedParameters() {
        Map<String, ParamValue> p = HyperparamLines.parse("""
                optim.lr = 0.0003
                # a comment
                batch_size=64
                amp = true
                name = "resnet"
                note = plain words
                seed = null
                """, "hyperparams");
        assertEquals(6, p.size());
        assertEquals(0.0003, ((Number) p.get("optim.lr").toJava()).doubleValue());
        assertEquals(64L, ((Number) p.get("batch_size").toJava()).longValue());
        assertEquals(Boolean.TRUE, p.get("amp").toJava());
        assertEquals("resnet", p.get("name").toJava());
        assertEquals("plain words", p.get("note").toJava());
        assertTrue(p.containsKey("seed"));
    }

    @Test
    void aLineWithoutEqualsIsRefusedWithItsNumber() {
        ToraException e = assertThrows(ToraException.class, () -> HyperparamLines.parse("a = 1\n\nbroken", "hyperparams"));
        assertEquals("hyperparams", e.details().get("field"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
