// The organisation number's check digit (mod-11), checked as the person types: a help only. The server
// checks the number again and the form works the same without this script.
(function () {
  "use strict";
  var weights = [3, 2, 7, 6, 5, 4, 3, 2];

  function problem(raw) {
    var digits = raw.replace(/\s/g, "");
    if (digits === "") return "";
    if (!/^[0-9]*$/.test(digits)) return "Bruk bare sifre.";
    if (digits.length < 9) return "";
    if (digits.length > 9) return "Organisasjonsnummeret har 9 sifre.";
    var sum = 0;
    for (var i = 0; i < 8; i++) sum += weights[i] * Number(digits[i]);
    var check = 11 - (sum % 11);
    if (check === 11) check = 0;
    if (check === 10 || check !== Number(digits[8])) {
      return "Nummeret er ikke gyldig. Sjekk at du har skrevet det riktig.";
    }
    return "";
  }

  document.querySelectorAll("input[data-orgnr]").forEach(function (input) {
    var field = input.closest("[data-orgnr-field]");
    var message = field && field.querySelector("[data-orgnr-message]");
    if (!message) return;
    function update(final) {
      var text = problem(input.value);
      // While typing, only a complete number is judged; on leaving the field, a short one is too.
      if (final && text === "" && input.value.replace(/\s/g, "").length > 0 && input.value.replace(/\s/g, "").length < 9) {
        text = "Organisasjonsnummeret har 9 sifre.";
      }
      message.textContent = text;
      if (text) {
        input.setAttribute("aria-invalid", "true");
        field.classList.add("field-error");
      } else if (!field.querySelector(".error-message:not([data-orgnr-message])")) {
        input.removeAttribute("aria-invalid");
        field.classList.remove("field-error");
      }
    }
    input.addEventListener("input", function () { update(false); });
    input.addEventListener("blur", function () { update(true); });
  });
})();
