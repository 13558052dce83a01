package dev.tora.it.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.it.Api;
import dev.tora.it.ToraDeployment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Keyboard use and layout stability of the dashboard, an experiment page and the compare page:
 * Tab reaches every visible control and each shows where the focus is; the page does not shift
 * while its data and charts load.
 */
@ExtendWith(ArquillianExtension.class)
class KeyboardAndLayoutUiIT {

    /** Marks the focused element, or reports why its focus is not visible. */
    private static final String FOCUS_PROBE = """
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            if (!e.dataset.toraTab) e.dataset.toraTab = String(++window.toraTabCount);
            const shows = el => {
              if (!el) return false;
              const s = getComputedStyle(el);
              return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
            };
            // PrimeFaces widgets focus a hidden input and draw the focus on their visible box
            const widget = e.closest('.ui-chkbox, .ui-radiobutton, .ui-selectonemenu, .ui-autocomplete, .ui-inputswitch,'
                + ' .ui-toggleswitch, .ui-selectbooleancheckbox, .ui-selectonebutton, .ui-chips');
            const box = widget && (widget.querySelector('.ui-state-focus') || (widget.classList.contains('ui-state-focus') ? widget : null));
            const visible = shows(e) || (box && shows(box)) || (widget && shows(widget));
            const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[' + e.name + ']' : '');
            return [e.dataset.toraTab, visible ? '' : (e.outerHTML.slice(0, 160)), name];
            """;

    /** Every visible control a keyboard user must reach, marked with an id of its own. */
    private static final String CONTROLS = """
            const out = [];
            document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').forEach(e => {
              if (e.disabled || e.tabIndex < 0 || e.type === 'hidden') return;
              if (e.closest('.ui-dialog, .ui-overlaypanel, .ui-helper-hidden-accessible, .ui-helper-hidden, [aria-hidden=true]')) return;
              const closed = e.closest('details:not([open])');
              if (closed && e !== closed.querySelector('summary')) return; // folded away until opened
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') return;
              if (!e.dataset.toraControl) e.dataset.toraControl = String(out.length + 1);
              out.push([e.dataset.toraControl, e.dataset.toraTab || '', e.outerHTML.slice(0, 160)]);
            });
            return out;
            """;

    private static final String LAYOUT_SHIFT = """
            const done = arguments[arguments.length - 1];
            let total = 0;
            const worst = [];
            new PerformanceObserver(list => {
              for (const e of list.getEntries()) {
                if (e.hadRecentInput) continue;
                total += e.value;
                for (const s of e.sources || []) worst.push((s.node && s.node.outerHTML ? s.node.outerHTML.slice(0, 120) : '?') + ' ' + e.value.toFixed(3));
              }
            }).observe({type: 'layout-shift', buffered: true});
            setTimeout(() => done([total, worst.join(' | ')]), 1500);
            """;

    private static Browser browser;
    private static final Api API = Api.local();
    private static String workspace;
    private static String first;
    private static String second;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ToraDeployment.ear();
    }

    @BeforeAll
    static void seedAndOpen() {
        workspace = API.post("/workspaces", "{\"name\":\"keyboard\"}").data().asJsonObject().getString("id");
        first = seeded("keyboard-a", 0.01);
        second = seeded("keyboard-b", 0.001);
        browser = Browser.open();
    }

    private static String seeded(String name, double lr) {
        String id = API.post("/experiments", "{\"name\":\"" + name + "\",\"workspaceId\":\"" + workspace
                + "\",\"tags\":[\"kb\"],\"hyperparams\":{\"optim\":{\"lr\":" + lr + "},\"epochs\":3}}")
                .data().asJsonObject().getString("id");
        UiSeed.curve(API, id, "loss", 300);
        UiSeed.curve(API, id, "acc", 300);
        return id;
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void theDashboardIsUsableByKeyboard() {
        tabThrough("/?workspace=" + workspace);
    }

    @Test
    void anExperimentPageIsUsableByKeyboard() {
        tabThrough("/experiments/" + first);
    }

    @Test
    void theComparePageIsUsableByKeyboard() {
        tabThrough("/compare?ids=" + first + "," + second + "&metric=loss");
    }

    @Test
    void pagesDoNotShiftWhileLoading() {
        for (String page : List.of("/?workspace=" + workspace, "/experiments/" + first,
                "/compare?ids=" + first + "," + second + "&metric=loss")) {
            browser.go(page);
            @SuppressWarnings("unchecked")
            List<Object> shift = (List<Object>) browser.jsAsync(LAYOUT_SHIFT);
            double total = ((Number) shift.get(0)).doubleValue();
            // 0.1 is the "good" cumulative layout shift of Web Vitals
            assertTrue(total < 0.1, page + " shifted by " + total + ": " + shift.get(1));
        }
    }

    /** Tabs from the top of the page until the focus leaves it; every stop must show focus. */
    private void tabThrough(String page) {
        browser.go(page);
        browser.settle();
        browser.js("window.toraTabCount = 0; document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        List<String> invisible = new ArrayList<>();
        Set<String> reached = new LinkedHashSet<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            List<String> probe = (List<String>) browser.js(FOCUS_PROBE);
            if (probe == null) {
                break;
            }
            if (!reached.add(probe.get(0))) {
                break; // back at a control already reached: the cycle is complete
            }
            order.add(probe.get(2));
            if (!probe.get(1).isEmpty()) {
                invisible.add(probe.get(1));
            }
        }
        assertTrue(invisible.isEmpty(), page + ": focus not visible on " + invisible);
        @SuppressWarnings("unchecked")
        List<List<String>> controls = (List<List<String>>) browser.js(CONTROLS);
        List<String> missed = controls.stream().filter(c -> c.get(1).isEmpty()).map(c -> c.get(2)).toList();
        assertTrue(missed.isEmpty(), page + ": not reachable by Tab: " + missed + "; Tab went " + order);
        assertTrue(reached.size() >= 5, page + ": Tab reached only " + reached.size() + " controls");
    }
}
