// The mock's reference page: Swagger UI over the spec this mock serves, with "Try it out" pointed at this mock
// (the page's own origin), whatever servers the spec names for Paynet itself.
(function () {
  'use strict';
  var root = document.getElementById('swagger-ui');
  fetch(root.dataset.spec, { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('GET ' + root.dataset.spec + ' answered ' + response.status);
      }
      return response.json();
    })
    .then(function (spec) {
      spec.servers = [{ url: window.location.origin, description: 'This mock (' + root.dataset.mode + ' mode)' }];
      window.ui = SwaggerUIBundle({
        spec: spec,
        dom_id: '#swagger-ui',
        deepLinking: true,
        tryItOutEnabled: true,
        displayRequestDuration: true,
        defaultModelsExpandDepth: 0,
        persistAuthorization: false
      });
    })
    .catch(function (error) {
      root.textContent = 'The reference could not be shown: ' + error.message;
    });
})();
