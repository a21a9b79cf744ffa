// The SDK error-surface data (catalog/src/sdkErrors.ts) against the SDK facts
// (shared/reference/uqpay-sdk-facts.md §2-§6, §12, §15), and the project-manifest reader.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../../catalog/src';
import { sdkById, sdkMemberCodes, sdkMembersNamed } from '../../../catalog/src/sdkErrors';
import { createErrorCodeService, sdksInManifest } from '../../../server/src/service';
import { scanCode } from '../../../server/src/service/scanners';

const catalog = loadBuiltinCatalog();
const member = (sdk: string, name: string) => sdkMembersNamed(name).find((m) => m.sdk === sdk)!;

describe('SDK error surfaces', () => {
  it('Node picks the class by HTTP status, then idempotency_error, as the facts table runs it', () => {
    const pick = sdkById('node').classify!;
    assert.equal(pick(400, undefined), 'ValidationError'); // legacy {code: 200} @ 400
    assert.equal(pick(401, 'unauthorized_error'), 'AuthenticationError');
    assert.equal(pick(400, 'not_found'), 'ValidationError');
    assert.equal(pick(502, undefined), 'ServerError');
    assert.equal(pick(403, undefined), 'ForbiddenError');
    assert.equal(pick(400, 'idempotency_error'), 'IdempotencyError');
    assert.equal(pick(429, 'api_error'), 'RateLimitError');
  });

  it('Python sends a not_found body to NotFoundError at any status after 401/403', () => {
    const pick = sdkById('python').classify!;
    assert.equal(pick(400, 'not_found'), 'NotFoundError');
    assert.equal(pick(500, 'not_found'), 'NotFoundError');
    assert.equal(pick(401, 'not_found'), 'AuthenticationError');
  });

  it('names the catalog codes that can reach each class', () => {
    assert.deepEqual(sdkMemberCodes(catalog, member('node', 'RateLimitError')), ['velocity_limit_exceeded']);
    assert.deepEqual(sdkMemberCodes(catalog, member('node', 'AuthenticationError')), ['unauthorized_error']);
    assert.deepEqual(sdkMemberCodes(catalog, member('node', 'IdempotencyError')), ['invalid idempotency key format']);
    assert.deepEqual(sdkMemberCodes(catalog, member('node', 'NotFoundError')), []);
    assert.ok(sdkMemberCodes(catalog, member('node', 'ServerError')).includes('api_error'));
    assert.ok(sdkMemberCodes(catalog, member('node', 'ValidationError')).includes('200'));
    assert.ok(sdkMemberCodes(catalog, member('python', 'NotFoundError')).includes('not_found_id'));
    assert.ok(sdkMemberCodes(catalog, member('go', 'IsNotFound')).includes('not_found_id'));
    assert.deepEqual(sdkMemberCodes(catalog, member('java', 'isNotFound')), []);
    assert.deepEqual(sdkMemberCodes(catalog, member('flutter', 'rateLimited')), ['velocity_limit_exceeded']);
  });

  it('reads SDK dependencies from manifests as whole names only', () => {
    assert.deepEqual(sdksInManifest('package.json', '{"dependencies":{"@uqpay/sdk":"^0.3.1"}}'), ['node']);
    assert.deepEqual(sdksInManifest('package.json', '{"dependencies":{"@uqpay/sdk-extra":"1"}}'), []);
    assert.deepEqual(sdksInManifest('requirements.txt', 'httpx==0.27\nuqpay==2.0.0\n'), ['python']);
    assert.deepEqual(sdksInManifest('requirements.txt', 'uqpay-tools==1\n'), []);
    assert.deepEqual(sdksInManifest('go.mod', 'require github.com/uqpay/uqpay-sdk-go/v2 v2.0.0'), ['go']);
    assert.deepEqual(sdksInManifest('pubspec.yaml', 'dependencies:\n  uqpay_sdk_flutter: ^1.0.0-rc.1\n'), ['flutter']);
    assert.deepEqual(sdksInManifest('package.json', '{"name":"shop","dependencies":{"stripe":"1"}}'), []);
  });

  it('hovers on a class only where the file imports (or names) the SDK', () => {
    const service = createErrorCodeService({ catalog, settings: { docsLanguage: 'en' } });
    const hover = (text: string, languageId = 'typescript') => {
      const doc = TextDocument.create('test://x', languageId, 1, text.replace('|', ''));
      return service.doHover(doc, doc.positionAt(text.indexOf('|')));
    };
    assert.ok(hover("import { RateLimitError } from '@uqpay/sdk';\nif (e instanceof RateLim|itError) {}"));
    assert.equal(hover("import { RateLimitError } from '../mine';\nif (e instanceof RateLim|itError) {}"), null);
    assert.ok(hover('from uqpay import NotFoundError\ntry:\n    pass\nexcept NotFo|undError:\n    pass\n', 'python'));
  });

  // Facts §10.1, §10.4, §11, §12: the mobile SDKs' code types, and the gateway codes their mappers map by name.
  it('describes the mobile SDKs\' code types and React Native\'s UqpayError, with the codes their mappers take by name', () => {
    const android = member('android', 'UQPayErrorCode');
    assert.equal(android.kind, 'class');
    for (const code of ['invalid_parameter', 'missing_parameter', 'invalid_order_amount', 'not_found_id', 'expired_order', 'repeat_payment_request', '3ds_required', 'unauthorized_error', 'api_error']) {
      assert.ok(sdkMemberCodes(catalog, android).includes(code), code);
    }
    assert.deepEqual(sdkMemberCodes(catalog, member('flutter', 'UqpayErrorCode')), ['invalid_payment_method']);
    assert.ok(member('react-native', 'UqpayError'));
    assert.ok(member('react-native', 'UqpayErrorCode'));
    // Flutter's UqpayError is another SDK's member of the same name: both stay.
    assert.deepEqual(sdkMembersNamed('UqpayError').map((m) => m.sdk).sort(), ['flutter', 'react-native']);
  });

  it('hovers on a mobile SDK\'s code type in a file that uses that SDK, and not in another SDK\'s file', () => {
    const service = createErrorCodeService({ catalog, settings: { docsLanguage: 'en' } });
    const hover = (text: string, languageId: string) => {
      const doc = TextDocument.create(`test://x.${languageId}`, languageId, 1, text.replace('|', ''));
      const h = service.doHover(doc, doc.positionAt(text.indexOf('|')));
      return h ? (h.contents as { value: string }).value.split('\n')[0] : null;
    };
    assert.match(hover("import 'package:uqpay_sdk_flutter/headless.dart';\nbool f(UqpayError e) => e.code == Uqpay|ErrorCode.timeout;", 'dart')!, /^\*\*`UqpayErrorCode`\*\* · UQPAY Flutter SDK/);
    assert.match(hover('import com.uqpay.sdk.error.UQPayErrorCode\nfun f(c: UQPay|ErrorCode) = c == UQPayErrorCode.CARD_DECLINED', 'kotlin')!, /^\*\*`UQPayErrorCode`\*\* · UQPAY Android SDK/);
    assert.match(hover("import { type UqpayError } from '@uqpay/react-native';\nfunction f(e: Uqpay|Error) { return e.code; }", 'typescript')!, /^\*\*`UqpayError`\*\* · UQPAY React Native SDK/);
    // a file of another SDK (Node's) does not get React Native's type
    assert.equal(hover("import { UQPayError } from '@uqpay/sdk';\ntype C = Uqpay|ErrorCode;", 'typescript'), null);
  });
});

describe('Dart scanner', () => {
  it('reads raw, triple-quoted and interpolated strings, and skips nested comments', () => {
    const text = "final a = r'raw \\$x'; /* a /* 'no' */ b */ final b = '''x\n'y''';\nfinal c = \"v \${e.code == 'api_error'} \$n\";";
    const lits = scanCode('dart', text).map((l) => [l.value, l.interpolated]);
    assert.deepEqual(lits, [['raw \\$x', false], ["x\n'y", false], ["v ${e.code == 'api_error'} $n", true], ['api_error', false]]);
  });
});
