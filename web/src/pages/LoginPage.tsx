import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useLogin } from '../api/queries.ts';
import { type Language, rememberLanguage } from '../i18n/index.ts';

interface LoginForm {
  login: string;
  password: string;
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const login = useLogin();
  const err = login.error;
  let message: string | null = null;
  if (err instanceof ApiError) {
    if (err.code === 'RATE_LIMITED') {
      message = t('login.throttled', { seconds: Number(err.details.retryAfterSeconds ?? 60) });
    } else if (err.code === 'NETWORK') message = t('app.networkError');
    else message = t('login.failed');
  } else if (err) message = t('login.failed');

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Card style={{ width: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
        </div>
        <Segmented
          size="small"
          style={{ margin: '12px 0' }}
          value={i18n.language.startsWith('en') ? 'en-US' : 'zh-CN'}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'English', value: 'en-US' },
          ]}
          onChange={(v) => rememberLanguage(v as Language)}
        />
        <Form<LoginForm> layout="vertical" onFinish={(v) => login.mutate(v)} requiredMark={false}>
          <Form.Item
            label={t('login.login')}
            name="login"
            rules={[{ required: true, message: t('login.required', { field: t('login.login') }) }]}
          >
            <Input autoFocus autoComplete="username" id="login-name" />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
          >
            <Input.Password autoComplete="current-password" id="login-password" />
          </Form.Item>
          {message ? <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('login.hint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
