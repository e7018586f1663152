// copydesk web UI: the annotated article's keyboard and pointer handling.
// Loaded from this origin with the page's CSP nonce. It builds the detail panel by cloning the
// server-rendered (escaped) finding markup and sets text with textContent: never innerHTML.
(function () {
  "use strict";

  function start() {
    var text = document.getElementById("article-text");
    var panel = document.getElementById("detail");
    if (!text || !panel) {
      return;
    }
    var content = panel.querySelector(".detail-content");
    var items = Array.prototype.slice.call(document.querySelectorAll("ol.findings > li.finding"));
    var current = -1; // index into items

    function number(item) {
      return item.getAttribute("data-f");
    }

    function indexOf(n) {
      for (var i = 0; i < items.length; i++) {
        if (number(items[i]) === String(n)) {
          return i;
        }
      }
      return -1;
    }

    // the first highlight of finding n in the text, or its numbered marker (an empty span)
    function target(n) {
      var marks = text.querySelectorAll("a.hl, a.ref");
      for (var i = 0; i < marks.length; i++) {
        var ids = (marks[i].getAttribute("data-f") || "").split(" ");
        if (ids.indexOf(String(n)) !== -1) {
          return marks[i];
        }
      }
      return null;
    }

    function select(i) {
      if (i < 0 || i >= items.length) {
        return;
      }
      current = i;
      var n = number(items[i]);
      Array.prototype.forEach.call(document.querySelectorAll(".current"), function (el) {
        el.classList.remove("current");
      });
      Array.prototype.forEach.call(text.querySelectorAll("a.hl"), function (el) {
        if ((el.getAttribute("data-f") || "").split(" ").indexOf(n) !== -1) {
          el.classList.add("current");
        }
      });
      items[i].classList.add("current");
      show(items[i]);
    }

    function show(item) {
      while (content.firstChild) {
        content.removeChild(content.firstChild);
      }
      Array.prototype.forEach.call(item.children, function (child) {
        content.appendChild(child.cloneNode(true));
      });
      panel.setAttribute("data-f", number(item));
      panel.hidden = false;
    }

    function open() {
      if (current < 0) {
        return;
      }
      panel.classList.add("open");
      panel.focus();
    }

    function close() {
      panel.classList.remove("open");
      var mark = current >= 0 ? target(number(items[current])) : null;
      if (mark) {
        mark.focus();
      }
    }

    function go(step) {
      var next = current < 0 ? (step > 0 ? 0 : items.length - 1) : current + step;
      if (next < 0 || next >= items.length) {
        return;
      }
      panel.classList.remove("open");
      var mark = target(number(items[next]));
      select(next);
      if (mark) {
        mark.focus();
        mark.scrollIntoView({block: "nearest"});
      }
    }

    function findingOf(el) {
      var ids = (el.getAttribute("data-f") || "").split(" ");
      // keep the current finding when the piece focused is one of its pieces
      if (current >= 0 && ids.indexOf(number(items[current])) !== -1) {
        return current;
      }
      return indexOf(ids[0]);
    }

    text.addEventListener("focusin", function (event) {
      var mark = event.target.closest("a.hl, a.ref");
      if (mark) {
        select(findingOf(mark));
      }
    });

    text.addEventListener("click", function (event) {
      var mark = event.target.closest("a.hl, a.ref");
      if (!mark) {
        return;
      }
      event.preventDefault();
      select(findingOf(mark));
      open();
    });

    document.addEventListener("keydown", function (event) {
      var el = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey || el.isContentEditable ||
          /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(el.tagName)) {
        return;
      }
      var key = event.key;
      if (key === "j" || key === "n") {
        go(1);
      } else if (key === "k" || key === "p") {
        go(-1);
      } else if (key === "Enter" && !el.closest("a.hl, a.ref") && el !== panel) {
        if (current < 0) {
          return;
        }
        open(); // Enter on a highlight is its click: opened there
      } else if (key === "Escape") {
        close();
      } else {
        return;
      }
      event.preventDefault();
    });

    document.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-review]");
      if (button && !button.disabled) {
        review(button);
      }
    });

    var reviewer = document.getElementById("reviewer");
    var KEY = "copydesk.reviewer";
    if (reviewer) {
      try {
        reviewer.value = window.localStorage.getItem(KEY) || "";
      } catch (e) { /* storage off: the name is typed each time */ }
      reviewer.addEventListener("change", function () {
        try {
          window.localStorage.setItem(KEY, reviewer.value.trim());
        } catch (e) { /* storage off */ }
      });
    }

    // PATCH the API's decision endpoint: {"decision": "accepted"|"dismissed", "by": name}
    function review(button) {
      var holder = button.closest("[data-f]");
      var item = holder ? items[indexOf(holder.getAttribute("data-f"))] : null;
      var url = document.body.getAttribute("data-review-url");
      if (!item || !url) {
        return;
      }
      var name = reviewer ? reviewer.value.trim() : "";
      if (!name) {
        say(item, "enter your name first (Deciding as)");
        if (reviewer) {
          reviewer.focus();
        }
        return;
      }
      var decision = button.getAttribute("data-review");
      var csrf = document.querySelector('meta[name="csrf-token"]');
      var headers = {
        "Content-Type": "application/json",
        "X-CSRF-Token": csrf ? csrf.getAttribute("content") : ""
      };
      var token = document.getElementById("write-token");
      if (token && token.value) {
        headers.Authorization = "Bearer " + token.value;
      }
      var target = url
        .replace("{article}", encodeURIComponent(document.body.getAttribute("data-article") || ""))
        .replace("{fingerprint}", encodeURIComponent(item.getAttribute("data-fingerprint") || ""));
      say(item, "saving…");
      fetch(target, {
        method: "PATCH",
        credentials: "same-origin",
        headers: headers,
        body: JSON.stringify({decision: decision, by: name})
      }).then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        item.classList.remove("accepted", "dismissed");
        item.classList.add(decision);
        say(item, decision + " by " + name);
      }).catch(function (error) {
        say(item, "not saved (" + error.message + ")");
      });
    }

    function say(item, message) {
      var places = [item.querySelector(".review-status")];
      if (panel.getAttribute("data-f") === number(item)) {
        places.push(panel.querySelector(".review-status"));
      }
      places.forEach(function (place) {
        if (place) {
          place.textContent = message;
        }
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
