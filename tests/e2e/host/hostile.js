// Another script on the portal's page patches the DOM's prototypes before
// the viewer loads, as old libraries do: it wraps methods, counts calls and
// adds enumerable helpers.
window.hostPatchedCalls = 0;
const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (name, value) {
  window.hostPatchedCalls += 1;
  return setAttribute.call(this, name, String(value));
};
const appendChild = Node.prototype.appendChild;
Node.prototype.appendChild = function (child) {
  window.hostPatchedCalls += 1;
  return appendChild.call(this, child);
};
Element.prototype.hide = function () {
  this.style.display = 'none';
};
Element.prototype.legacyFlag = true;
