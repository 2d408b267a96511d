/* The self-assessment form's script, inlined into the page: it keeps the
   answers in local storage, shows the progress and writes the answers as
   an assessment/1 YAML file with kind: self. It makes no network request
   and never turns a text into markup (textContent only). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("questionnaire-data").textContent);
  var form = document.getElementById("questionnaire");
  var status = document.getElementById("status");
  var words = data.words;
  var key = ["goudenoor-questionnaire", data.edition, data.extensions.join(","), data.form_id].join(":");
  var store = null;
  try {
    store = window.localStorage;
  } catch (error) {
    store = null;
  }

  function fields() {
    return form.querySelectorAll("input, textarea");
  }

  function checked(name) {
    var found = form.querySelector('input[name="' + name + '"]:checked');
    return found ? found.value : "";
  }

  function text(name) {
    return form.elements.namedItem(name).value;
  }

  function blank(value) {
    return value.replace(/[\s\u200b\u200c\u200d\u2060\ufeff]/g, "") === "";
  }

  function save() {
    if (!store) {
      return;
    }
    var values = {};
    fields().forEach(function (field) {
      if (field.type === "radio") {
        if (field.checked) {
          values[field.name] = field.value;
        }
      } else {
        values[field.name] = field.value;
      }
    });
    try {
      store.setItem(key, JSON.stringify(values));
    } catch (error) {
      // A full or refused storage: the form still works, unsaved.
    }
  }

  function restore() {
    var values = {};
    if (store) {
      try {
        values = JSON.parse(store.getItem(key) || "{}") || {};
      } catch (error) {
        values = {};
      }
    }
    fields().forEach(function (field) {
      if (!Object.prototype.hasOwnProperty.call(values, field.name)) {
        return;
      }
      var value = values[field.name];
      if (typeof value !== "string") {
        return;
      }
      if (field.type === "radio") {
        field.checked = field.value === value;
      } else {
        field.value = value;
      }
    });
    if (!document.getElementById("date").value) {
      document.getElementById("date").value = new Date().toISOString().slice(0, 10);
    }
  }

  function update() {
    var done = 0;
    var total = 0;
    data.requirements.forEach(function (requirement, i) {
      var rating = checked("r" + i);
      total += 1 + requirement[1].length;
      done += rating ? 1 : 0;
      requirement[1].forEach(function (checkpoint, j) {
        done += checked("c" + i + "-" + j) ? 1 : 0;
      });
      document.getElementById("r" + i).querySelector(".rating").classList.toggle("is-na", rating === "na");
    });
    var bar = document.getElementById("progress");
    bar.value = done;
    bar.max = total;
    document.getElementById("progress-text").textContent = words.answered
      .replace("{done}", String(done)).replace("{total}", String(total));
  }

  // A YAML double-quoted scalar: printable characters as they are, every
  // other one escaped (line breaks, U+2028, U+0085, a BOM, controls), so
  // that no text can end the scalar or be read as anything but itself.
  function quoted(value) {
    var out = '"';
    for (var i = 0; i < value.length; i++) {
      var ch = value.charAt(i);
      var code = value.charCodeAt(i);
      if (ch === '"' || ch === "\\") {
        out += "\\" + ch;
      } else if (code === 10) {
        out += "\\n";
      } else if (code === 9) {
        out += "\\t";
      } else if (code === 13) {
        out += "\\r";
      } else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code < 0xd800 && code !== 0x2028 && code !== 0x2029)
        || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)) {
        out += ch;
      } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length
        && value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff) {
        out += ch + value.charAt(i + 1);
        i += 1;
      } else {
        out += "\\u" + ("0000" + code.toString(16).toUpperCase()).slice(-4);
      }
    }
    return out + '"';
  }

  function list(values) {
    return "[" + values.map(quoted).join(", ") + "]";
  }

  function note(remark, lines) {
    var parts = blank(remark) ? [] : [remark];
    return parts.concat(lines).join("\n");
  }

  // The rating of requirement i as YAML lines, or null when nothing was
  // answered or remarked.
  function rating(requirement, i) {
    var value = checked("r" + i);
    var remark = text("r" + i + "-note");
    var lines = [];
    if (value === "na") {
      var body = ["    not_applicable: true", "    justification: " + quoted(text("r" + i + "-justification"))];
      if (!blank(remark)) {
        body.push("    note: " + quoted(remark));
      }
      return body;
    }
    var met = [];
    var said = [];
    requirement[1].forEach(function (checkpoint, j) {
      var answer = checked("c" + i + "-" + j);
      var comment = text("c" + i + "-" + j + "-remark");
      if (answer === "yes") {
        met.push(checkpoint);
      }
      if (answer === "partly" || answer === "no" || !blank(comment)) {
        said.push("Controlepunt " + checkpoint + ": " + data.note_answers[answer]
          + (blank(comment) ? "" : " \u2013 " + comment));
      }
    });
    var written = note(remark, said);
    if (value === "" && met.length === 0 && written === "") {
      return null;
    }
    if (value !== "") {
      lines.push("    value: " + value);
    }
    if (met.length) {
      lines.push("    checkpoints_met: " + list(met));
    }
    if (written !== "") {
      lines.push("    note: " + quoted(written));
    }
    return lines;
  }

  function problems() {
    var found = [];
    if (blank(text("organisation"))) {
      found.push([words.missing_organisation, "organisation"]);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text("date"))) {
      found.push([words.missing_date, "date"]);
    }
    // The assessment file refuses control characters other than tab and
    // line feed (one pasted in is invisible): say where, do not drop it.
    form.querySelectorAll("input[type=text], textarea").forEach(function (field) {
      if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(field.value)) {
        var label = document.querySelector('label[for="' + field.id + '"]');
        found.push([words.control_character.replace("{field}", label ? label.textContent : field.id), field.id]);
      }
    });
    data.requirements.forEach(function (requirement, i) {
      if (checked("r" + i) === "na" && blank(text("r" + i + "-justification"))) {
        found.push([words.missing_justification.replace("{id}", requirement[0]), "r" + i + "-justification"]);
      }
    });
    return found;
  }

  function yaml() {
    var lines = [
      "# " + document.title.replace(/[\r\n\u2028\u2029\u0085]/g, " "),
      "# form " + data.form_id,
      "goudenoor: assessment/1",
      "kind: self",
      "edition: " + quoted(data.edition),
      "organisation: " + quoted(text("organisation")),
    ];
    if (!blank(text("unit"))) {
      lines.push("unit: " + quoted(text("unit")));
    }
    lines.push("date: " + text("date"));
    lines.push("scale: " + quoted(data.scale));
    if (!blank(text("respondent"))) {
      lines.push("auditors: " + list([text("respondent")]));
    }
    if (data.extensions.length) {
      lines.push("extensions: " + list(data.extensions));
    }
    var ratings = [];
    data.requirements.forEach(function (requirement, i) {
      var found = rating(requirement, i);
      if (found) {
        ratings.push("  " + quoted(requirement[0]) + ":");
        ratings = ratings.concat(found);
      }
    });
    lines.push(ratings.length ? "ratings:" : "ratings: {}");
    return lines.concat(ratings).join("\n") + "\n";
  }

  function download() {
    var found = problems();
    status.className = found.length ? "error" : "";
    if (found.length) {
      status.textContent = found.map(function (problem) { return problem[0]; }).join(" ");
      document.getElementById(found[0][1]).focus();
      return;
    }
    var name = "zelfevaluatie-" + data.edition + "-" + text("date") + ".yaml";
    var url = URL.createObjectURL(new Blob([yaml()], { type: "application/yaml" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    status.textContent = words.saved.replace("{file}", name);
  }

  form.addEventListener("input", function () { update(); save(); });
  form.addEventListener("change", function () { update(); save(); });
  document.getElementById("save").addEventListener("click", download);
  document.getElementById("clear").addEventListener("click", function () {
    if (window.confirm(words.confirm_clear)) {
      form.reset();
      if (store) {
        store.removeItem(key);
      }
      restore();
      update();
    }
  });
  restore();
  update();
}());
