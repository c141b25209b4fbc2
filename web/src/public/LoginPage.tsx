import { useState } from "react";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { describeError } from "../components/ErrorResult";
import { useSession } from "../session/SessionContext";
import { lockedUntil } from "./lockout";

interface LoginValues {
  username: string;
  password: string;
}

/** Username and password; explains wrong password (401), a locked account and until when (423), too many tries (429). */
export function LoginPage() {
  const { t } = useTranslation();
  const { login, status } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from.startsWith("/console") ? from : "/console";

  if (status === "signedIn" && !submitting) return <Navigate to={target} replace />;

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setProblem(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(target, { replace: true });
    } catch (error) {
      setProblem(loginProblem(error, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card">
        <Typography.Title level={3}>{t("login.title")}</Typography.Title>
        <Typography.Paragraph type="secondary">{t("login.lead")}</Typography.Paragraph>
        {problem ? (
          <Alert type="error" showIcon title={problem} data-testid="login-error" className="form-alert" />
        ) : null}
        <Form<LoginValues> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t("login.username")}
            rules={[{ required: true, message: t("login.usernameRequired") }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

function loginProblem(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!(error instanceof ApiError)) return t("error.unexpected");
  if (error.status === 401) return t("login.wrongCredentials");
  if (error.code === "account_disabled") return t("login.disabled");
  if (error.status === 423) {
    const until = lockedUntil(error);
    return until ? t("login.lockedUntil", { time: until }) : t("login.locked");
  }
  if (error.status === 429) {
    const seconds = Number(error.body.retryAfter ?? error.body.retryAfterSeconds);
    return Number.isFinite(seconds) && seconds > 0
      ? t("login.rateLimitedSeconds", { seconds: Math.ceil(seconds) })
      : t("login.rateLimited");
  }
  return describeError(error, t);
}
